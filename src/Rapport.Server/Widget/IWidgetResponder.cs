namespace Rapport.Server.Widget;

/// <summary>
/// Answers a visitor's message after it is stored: the assistant replies or hands the conversation to a person, and
/// publishes the change on the conversation feed (which the widget's socket listens to).
/// </summary>
internal interface IWidgetResponder
{
    Task RespondAsync(long conversationId, CancellationToken cancellationToken);
}

/// <summary>Until the assistant is wired in: the message waits for a person in the inbox.</summary>
internal sealed class WaitForAgentResponder : IWidgetResponder
{
    public Task RespondAsync(long conversationId, CancellationToken cancellationToken) => Task.CompletedTask;
}
