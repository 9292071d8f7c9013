namespace Rapport.Desk.Assistant;

/// <summary>What kind of reply the assistant gave.</summary>
public enum AssistantReplyKind
{
    /// <summary>A knowledge-base passage at or above the confidence threshold, quoted verbatim.</summary>
    Answer,

    /// <summary>No passage answered: said so honestly (counts towards "failed twice").</summary>
    NoAnswer,

    /// <summary>The customer only thanked after an answer: a short closing, no knowledge base needed.</summary>
    Closing,
}

/// <summary>
/// What stands behind an assistant message (one row per message the knowledge-base assistant wrote; the follow-up
/// check-ins and reminders, also assistant messages, have none): the article it quoted, how confident retrieval was, and
/// whether the text is the generative model's (docs/assistant.md).
/// </summary>
public sealed class AssistantAnswer
{
    public long MessageId { get; set; }

    public AssistantReplyKind Kind { get; set; }

    /// <summary>The best article retrieval found (also below the threshold, for the record), or null when none.</summary>
    public string? ArticleSlug { get; set; }

    public string? ArticleTitle { get; set; }

    /// <summary>The best passage's confidence (0–1; 0 when nothing was found).</summary>
    public double Confidence { get; set; }

    /// <summary>True when the text is the generative model's reply (it passed the refiner's guard).</summary>
    public bool Generated { get; set; }

    /// <summary>Why a generated reply was not used (the guard, a timeout, an error); null when none was asked for or it was used.</summary>
    public string? RefinerNote { get; set; }

    /// <summary>True when this reply handed the conversation to a person.</summary>
    public bool HandOff { get; set; }
}
