using System.Text;
using Rapport.Core.Coaching;
using Rapport.Core.Emotions;

namespace Rapport.Core.Composing;

/// <summary>
/// Wraps an agent's core answer in an empathetic reply: greeting by name, an acknowledgement matched to the customer's
/// feeling that reflects their own words, an apology where something went wrong, ownership, the answer kept verbatim,
/// alternatives, follow-up, thanks and an open door. Deterministic for a seed; phrasing comes from a phrase bank and no
/// sentence is repeated within one conversation. Pure and thread-safe.
/// </summary>
public sealed class ReplyComposer
{
    private static readonly Lazy<ReplyComposer> LazyDefault = new(() => new ReplyComposer(PhraseBank.Load(), EmpathyCoach.Default));

    private readonly PhraseBank _bank;
    private readonly EmpathyCoach _coach;

    private ReplyComposer(PhraseBank bank, EmpathyCoach coach)
    {
        _bank = bank;
        _coach = coach;
    }

    /// <summary>The shared composer (its phrase bank loads on first use).</summary>
    public static ReplyComposer Default => LazyDefault.Value;

    /// <summary>Composes a reply around <paramref name="request"/>'s answer, and reviews it.</summary>
    public ComposedReply Compose(ReviewContext context, ComposeRequest request)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        var customer = CustomerFacts.From(context);
        var picker = new PhrasePicker(_bank, request.Seed, request.PreviousReplies);
        var text = Build(customer, request, picker);
        var review = _coach.Review(ReplyText.Of(text), customer);
        return new ComposedReply(text, review);
    }

    private static string Build(CustomerFacts customer, ComposeRequest request, PhrasePicker picker)
    {
        var paragraphs = new List<string>
        {
            picker.Pick("greeting", customer.FirstName is null ? "none" : "name").Replace("{name}", customer.FirstName, StringComparison.Ordinal),
        };
        var opening = new StringBuilder();
        var detail = customer.Detail;

        // The acknowledgement carries the reflected detail; the apology repeats it only if the acknowledgement could not.
        var detailUsed = false;
        if (customer.ExpressedFeeling)
        {
            var feeling = customer.Feeling.Name();
            var withDetail = detail is not null && picker.Has("acknowledge", feeling + "+detail");
            var line = picker.Pick("acknowledge", withDetail ? feeling + "+detail" : feeling);
            detailUsed = withDetail;
            opening.Append(Fill(line, customer, request));
        }

        if (customer.FaultReported)
        {
            var line = !detailUsed && detail is not null ? picker.Pick("apology", "detail") : picker.Pick("apology", "any");
            detailUsed |= line.Contains("{detail}", StringComparison.Ordinal);
            opening.Append(' ').Append(Fill(line, customer, request));
        }

        if (!detailUsed && detail is not null && !customer.OnlyPositive)
        {
            opening.Append(' ').Append(Fill(picker.Pick("apology", "detail"), customer, request));
        }

        if (opening.Length > 0)
        {
            paragraphs.Add(opening.ToString().Trim());
        }

        var body = new StringBuilder();
        if (customer.UrgencyDetail is not null && !customer.OnlyPositive)
        {
            body.Append(Fill(picker.Pick("urgency", "any"), customer, request)).Append(' ');
        }

        if (!customer.OnlyPositive)
        {
            body.Append(picker.Pick("ownership", "any")).Append(' ');
        }

        body.Append(Sentence(request.Answer));
        if (customer.Unclear)
        {
            var line = customer.Specifics.Count > 0 ? picker.Pick("clarify", "specific") : picker.Pick("clarify", "any");
            body.Append(' ').Append(line.Replace("{specific}", customer.Specifics.Count > 0 ? customer.Specifics[0] : string.Empty, StringComparison.Ordinal));
        }

        paragraphs.Add(body.ToString().Trim());

        var next = new StringBuilder();
        foreach (var alternative in request.Alternatives ?? [])
        {
            next.Append(picker.Pick("alternative", "any").Replace("{alternative}", Sentence(alternative), StringComparison.Ordinal)).Append(' ');
        }

        if ((request.Alternatives is null || request.Alternatives.Count == 0) && ReplyText.Of(request.Answer).Has(PhraseCategory.Decline))
        {
            next.Append(picker.Pick("alternative-offer", "any")).Append(' ');
        }

        if (!customer.OnlyPositive)
        {
            var followUp = string.IsNullOrWhiteSpace(request.FollowUp)
                ? picker.Pick("followup", "any")
                : picker.Pick("followup", "given").Replace("{followup}", request.FollowUp.Trim().TrimEnd('.'), StringComparison.Ordinal);
            next.Append(followUp);
        }

        if (next.Length > 0)
        {
            paragraphs.Add(next.ToString().Trim());
        }

        var thanksKey = customer.Reading.Has(SupportEmotion.Impatience) ? "impatience" : customer.OnlyPositive ? "positive" : "any";
        paragraphs.Add($"{picker.Pick("thanks", thanksKey)} {picker.Pick("closing", "any")}");
        if (customer.AgentFirstName is not null)
        {
            paragraphs.Add($"Best,\n{customer.AgentFirstName}");
        }

        return string.Join("\n\n", paragraphs);
    }

    private static string Fill(string line, CustomerFacts customer, ComposeRequest request) => line
        .Replace("{name}", customer.FirstName ?? string.Empty, StringComparison.Ordinal)
        .Replace("{detail}", customer.Detail ?? string.Empty, StringComparison.Ordinal)
        .Replace("{urgency}", customer.UrgencyDetail ?? string.Empty, StringComparison.Ordinal)
        .Replace("{followup}", request.FollowUp ?? string.Empty, StringComparison.Ordinal);

    /// <summary>The agent's text as a sentence: trimmed, capitalised, ending in punctuation. Nothing else changes.</summary>
    private static string Sentence(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return trimmed;
        }

        if (char.IsLower(trimmed[0]))
        {
            trimmed = char.ToUpperInvariant(trimmed[0]) + trimmed[1..];
        }

        return trimmed[^1] is '.' or '!' or '?' or ':' ? trimmed : trimmed + ".";
    }
}
