namespace Rapport.Core.Coaching;

/// <summary>What the coach knows about the conversation a reply answers.</summary>
/// <param name="CustomerMessages">The customer's messages so far, oldest first.</param>
/// <param name="CustomerName">The customer's name, if known (the coach uses the first name).</param>
/// <param name="AgentName">The agent's name, if known.</param>
/// <param name="CompanyAtFault">True/false when known; null lets the coach infer it from what the customer reports.</param>
public sealed record ReviewContext(
    IReadOnlyList<string> CustomerMessages,
    string? CustomerName = null,
    string? AgentName = null,
    bool? CompanyAtFault = null)
{
    /// <summary>A context of one customer message.</summary>
    public static ReviewContext Of(string customerMessage, string? customerName = null) => new([customerMessage], customerName);
}
