namespace Rapport.Core.Promises;

/// <summary>
/// A commitment found in an agent's reply: the sentence's <see cref="Range"/> in the original text (for highlighting),
/// what was promised, when it is due and the words that set the due time (null when the default applied).
/// </summary>
/// <param name="Range">The sentence that holds the promise, as offsets into the text given to the detector.</param>
/// <param name="Kind">What was promised.</param>
/// <param name="DueAt">When it is due, resolved against the reference time and time zone (docs/promises.md).</param>
/// <param name="When">The time expression as written ("tomorrow", "within 3 business days"), or null when none was given.</param>
public readonly record struct DetectedPromise(Range Range, PromiseKind Kind, DateTimeOffset DueAt, string? When);
