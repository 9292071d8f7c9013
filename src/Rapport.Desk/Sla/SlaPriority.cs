namespace Rapport.Desk.Sla;

/// <summary>The priority band an SLA policy is chosen by, from the conversation's 0–100 priority when its clock starts.</summary>
public enum SlaPriority
{
    Low,
    Normal,
    High,
    Urgent,
}

/// <summary>Priority score → band (docs/sla.md).</summary>
public static class SlaPriorityBands
{
    public const double Urgent = 60;
    public const double High = 40;
    public const double Normal = 15;

    public static SlaPriority From(double priority) => priority switch
    {
        >= Urgent => SlaPriority.Urgent,
        >= High => SlaPriority.High,
        >= Normal => SlaPriority.Normal,
        _ => SlaPriority.Low,
    };
}

/// <summary>Which response a clock measures: the first reply, or the next one after the customer wrote again.</summary>
public enum SlaResponseKind
{
    FirstResponse,
    NextResponse,
}

/// <summary>A notification to leads: a clock entered its warning quarter, or breached.</summary>
public enum SlaAlertKind
{
    Warning,
    Breach,
}
