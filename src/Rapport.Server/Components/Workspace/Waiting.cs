namespace Rapport.Server.Components.Workspace;

/// <summary>Short durations for the inbox: "4 min", "3 h", "2 d".</summary>
internal static class Waiting
{
    public static string Describe(TimeSpan span) => span switch
    {
        { TotalMinutes: < 1 } => "just now",
        { TotalHours: < 1 } => $"{(int)span.TotalMinutes} min",
        { TotalDays: < 2 } => $"{(int)span.TotalHours} h",
        _ => $"{(int)span.TotalDays} d",
    };
}
