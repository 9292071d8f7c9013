using Rapport.Desk.Assistant;

namespace Rapport.Server.Widget;

/// <summary>
/// Answers a visitor's message after it is stored: the assistant replies or hands the conversation to a person, and
/// publishes the change on the conversation feed (which the widget's socket listens to).
/// </summary>
internal interface IWidgetResponder
{
    Task RespondAsync(long conversationId, CancellationToken cancellationToken);
}

/// <summary>The knowledge-base assistant (docs/assistant.md): it answers, or hands over to a person with a brief.</summary>
internal sealed class AssistantWidgetResponder(AssistantResponder assistant) : IWidgetResponder
{
    public async Task RespondAsync(long conversationId, CancellationToken cancellationToken) =>
        await assistant.RespondAsync(conversationId, cancellationToken).ConfigureAwait(false);
}
