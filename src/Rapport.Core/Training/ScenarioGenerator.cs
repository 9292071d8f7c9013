using System.Globalization;
using Rapport.Core.Coaching;
using Rapport.Core.Emotions;

namespace Rapport.Core.Training;

/// <summary>
/// Turns a real resolved conversation into a playable, anonymised training scenario: the customer's own opening,
/// feeling and answers, the agent's final solution as what a good resolution includes, and the practices the real
/// agent missed as targets. Pure and deterministic: the same conversation gives the same scenario. The rules are in
/// docs/training-scenarios.md ("Scenarios from real conversations").
/// </summary>
public static class ScenarioGenerator
{
    /// <summary>The most facts and resolution items taken from one conversation.</summary>
    private const int MaxFacts = 3;

    private const int MaxItems = 3;

    private static readonly string[] QuestionWords = ["where", "what", "why", "how", "when", "who", "which", "is", "are", "can", "could", "do", "does"];

    /// <summary>Builds a scenario from <paramref name="conversation"/>, validated by the rules of a scenario file.</summary>
    /// <exception cref="ArgumentException">The conversation has no customer message or no agent message, or no customer name.</exception>
    public static Scenario FromConversation(ResolvedConversation conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(conversation.Messages);
        ArgumentNullException.ThrowIfNull(conversation.AgentNames);
        ArgumentException.ThrowIfNullOrWhiteSpace(conversation.CustomerName);
        var names = new ConversationAnonymizer(conversation);
        var messages = conversation.Messages
            .Where(m => !string.IsNullOrWhiteSpace(m.Text))
            .Select(m => new Message(m.Author, names.Clean(m.Text), m.Author == ConversationAuthor.Customer ? m.Reading ?? EmotionAnalyzer.Default.Analyze(m.Text) : null))
            .ToList();
        var firstCustomer = messages.FindIndex(m => m.Author == ConversationAuthor.Customer);
        if (firstCustomer < 0 || !messages.Exists(m => m.Author == ConversationAuthor.Agent))
        {
            throw new ArgumentException("The conversation needs at least one customer message and one agent message.", nameof(conversation));
        }

        // The opening: the customer's first run of messages, before an agent answered.
        var opening = messages.Skip(firstCustomer).TakeWhile(m => m.Author == ConversationAuthor.Customer).ToList();
        var openingText = string.Join(' ', opening.Select(m => m.Text));
        var reading = opening.Select(m => m.Reading!).Where(r => r.Dominant != SupportEmotion.Neutral).MaxBy(r => r.Intensity) ?? opening[0].Reading!;
        var emotion = reading.Dominant;
        var positive = emotion is SupportEmotion.Gratitude or SupportEmotion.Relief or SupportEmotion.Neutral;
        var intensity = Math.Round(Math.Clamp(reading.Intensity, positive ? 0.15 : 0.4, positive ? 0.5 : 0.9), 2);
        var patience = Math.Clamp((int)Math.Round(6 - (4 * intensity), MidpointRounding.AwayFromZero), 2, 5);

        var subject = Nonempty(names.Clean(conversation.Subject), "a support request");
        var channel = Nonempty(names.Clean(conversation.Channel), "message").ToLowerInvariant();
        var firstName = names.CustomerName.Split(' ')[0];
        var id = $"from-conversation-{names.Key >> 16:x12}";
        var solution = messages.FindLastIndex(m => m.Author == ConversationAuthor.Agent && Items(m.Text, names).Count > 0);
        var lines = Lines(emotion, openingText, messages, solution);
        var scenario = new Scenario(
            id,
            $"{Capitalised(subject)} (from a real conversation)",
            new ScenarioPersona(
                names.CustomerName,
                $"{firstName} contacted support by {channel} about \"{subject}\"; the first message read as {emotion.Name()} "
                    + $"(intensity {intensity.ToString("0.00", CultureInfo.InvariantCulture)}). Generated from a resolved conversation: names and contact details are replaced.",
                GeneratedVoice.Lines(emotion, "temperament")[0]),
            emotion,
            intensity,
            patience,
            patience + 5,
            TrainingRules.DefaultCalmAt,
            CustomerFacts.From(new ReviewContext([openingText])).FaultReported,
            Problem(openingText, subject, names),
            new Dictionary<string, string>(StringComparer.Ordinal) { ["subject"] = subject, ["channel"] = channel },
            Facts(messages, solution < 0 ? messages.Count : solution, emotion, names, openingText),
            solution < 0 ? [Fallback(subject, names)] : [.. Items(messages[solution].Text, names).Take(MaxItems)],
            GeneratedVoice.Lines(emotion, "calmedby"),
            GeneratedVoice.Lines(emotion, "escalatedby"),
            Targets(messages, names.CustomerName, emotion),
            lines);
        ScenarioLibrary.Validate(scenario, $"generated:{id}");
        return scenario;
    }

    /// <summary>
    /// The problem said back: the coach's problem clause, else the first clause of the opening, reflected, that
    /// names at least two specifics ("my cake stand arrived cracked" → "your cake stand arrived cracked").
    /// </summary>
    private static string Problem(string openingText, string subject, ConversationAnonymizer names)
    {
        var candidates = ConversationMining.Clauses(openingText)
            .Where(c => !QuestionWords.Contains(c.Split(' ')[0].ToLowerInvariant()))
            .Select(Reflection.Reflect)
            .Prepend(Reflection.ProblemClause(openingText, EmotionAnalyzer.Default.Analyze(openingText)));
        var clause = candidates.FirstOrDefault(c => c is not null && ConversationMining.KeyWords(c, names.Pseudonyms).Count >= 2)?.Trim().TrimEnd('.', '!', '?', ',', ' ');
        var problem = string.IsNullOrWhiteSpace(clause) ? $"you needed help with {Lowered(subject)}" : clause;

        // The coach reads a bare "can't" in a reply as negative language, and trainees say the problem back.
        return problem.Replace("you can't", "you're unable to", StringComparison.OrdinalIgnoreCase)
            .Replace("you cannot", "you're unable to", StringComparison.OrdinalIgnoreCase)
            .Replace("can't", "is unable to", StringComparison.OrdinalIgnoreCase)
            .Replace("cannot", "is unable to", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>An agent's question answered by the customer (before the solution) is a fact the trainee can ask about.</summary>
    private static List<ScenarioFact> Facts(List<Message> messages, int before, SupportEmotion emotion, ConversationAnonymizer names, string openingText)
    {
        var facts = new List<ScenarioFact>();
        var leads = GeneratedVoice.Lines(emotion, "factlead");
        for (var i = 0; i < before && facts.Count < MaxFacts; i++)
        {
            var answer = string.Join(' ', messages.Skip(i + 1).TakeWhile(m => m.Author == ConversationAuthor.Customer).Select(m => m.Text));
            if (messages[i].Author != ConversationAuthor.Agent || ConversationMining.KeyWords(answer, names.Pseudonyms).Count == 0)
            {
                continue;
            }

            var topic = TextMatch.Questions(messages[i].Text).Select(q => ConversationMining.Topic(q, names.Pseudonyms)).FirstOrDefault(t => t is not null);
            if (topic is { } found)
            {
                var lead = leads[facts.Count % leads.Count];
                facts.Add(new ScenarioFact($"fact-{facts.Count + 1}", found.Topic, answer, found.AskedBy, [answer, $"{lead} {answer}"]));
            }
        }

        // A conversation in which nobody asked anything: what happened, in the customer's first words.
        return facts.Count > 0 ? facts :
            [new ScenarioFact("what-happened", "what happened", openingText, ["what happened", "happened", "details"], [openingText, $"{leads[0]} {openingText}"])];
    }

    /// <summary>The committed next steps in the agent's message, each as an offer that follows "I'll".</summary>
    private static List<ResolutionItem> Items(string agentMessage, ConversationAnonymizer names)
    {
        var items = new List<ResolutionItem>();
        foreach (var sentence in TextMatch.Sentences(agentMessage).Where(s => !s.EndsWith('?') && SimulatedCustomer.Commits(s)))
        {
            var offer = ConversationMining.Offer(sentence);
            var keywords = offer is null ? [] : ConversationMining.KeyWords(offer, names.Pseudonyms, minLength: 4).Take(4).ToList();
            if (offer is not null && keywords.Count > 0 && items.TrueForAll(i => i.Offer != offer))
            {
                items.Add(new ResolutionItem($"step-{items.Count + 1}", offer, keywords, ConversationMining.Ask(offer)));
            }
        }

        return items;
    }

    private static ResolutionItem Fallback(string subject, ConversationAnonymizer names)
    {
        var keywords = ConversationMining.KeyWords(subject, names.Pseudonyms, minLength: 4).Take(4).ToList();
        return keywords.Count > 0
            ? new ResolutionItem("step-1", $"sort out {Lowered(subject)}", keywords, $"whether you'll sort out {Lowered(subject)}")
            : new ResolutionItem("step-1", "resolve this for you today", ["resolve"], "whether you'll resolve this");
    }

    /// <summary>The practices the real agent missed most (by the coach's weights), or defaults for the feeling.</summary>
    private static List<Practice> Targets(List<Message> messages, string customerName, SupportEmotion emotion)
    {
        var missed = new Dictionary<Practice, int>();
        for (var i = 0; i < messages.Count; i++)
        {
            var customerSoFar = messages.Take(i).Where(m => m.Author == ConversationAuthor.Customer).Select(m => m.Text).ToList();
            if (messages[i].Author != ConversationAuthor.Agent || customerSoFar.Count == 0)
            {
                continue;
            }

            var review = EmpathyCoach.Default.Review(messages[i].Text, new ReviewContext(customerSoFar, customerName));
            foreach (var finding in review.Findings.Where(f => f.Status == FindingStatus.Missed))
            {
                missed[finding.Practice] = missed.GetValueOrDefault(finding.Practice) + finding.Weight;
            }
        }

        List<Practice> targets = [.. missed.OrderByDescending(p => p.Value).ThenBy(p => p.Key).Take(3).Select(p => p.Key)];
        return targets.Count > 0 ? targets
            : emotion is SupportEmotion.Gratitude or SupportEmotion.Relief ? [Practice.ThanksCustomer, Practice.OffersFurtherHelp]
            : [Practice.AcknowledgesFeeling, Practice.OffersSolution, Practice.PromisesFollowUp];
    }

    private static Dictionary<CustomerMove, IReadOnlyList<string>> Lines(SupportEmotion emotion, string openingText, List<Message> messages, int solution)
    {
        // The customer's own closing thanks, when the last thing they wrote after the solution was positive.
        var closing = messages.Skip(solution + 1).LastOrDefault(m => m.Author == ConversationAuthor.Customer);
        var ownThanks = solution >= 0 && closing?.Reading is { } r && (r.Valence > 0 || r.Has(SupportEmotion.Gratitude) || r.Has(SupportEmotion.Relief))
            ? [closing.Text] : Array.Empty<string>();
        List<string> Bank(string kind) => [.. GeneratedVoice.Lines(emotion, kind).Take(4)];
        return new Dictionary<CustomerMove, IReadOnlyList<string>>
        {
            [CustomerMove.Opening] = [openingText, $"{openingText} {GeneratedVoice.Lines(emotion, "lead")[0]}"],
            [CustomerMove.Calmer] = Bank("calmer"),
            [CustomerMove.Angrier] = Bank("angrier"),
            [CustomerMove.Resolved] = [.. ownThanks.Concat(Bank("resolved")).Distinct(StringComparer.OrdinalIgnoreCase)],
            [CustomerMove.Leaving] = Bank("leaving"),
            [CustomerMove.Manager] = Bank("manager"),
        };
    }

    private static string Nonempty(string text, string fallback) => string.IsNullOrWhiteSpace(text) ? fallback : text.Trim();

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static string Lowered(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;

    private sealed record Message(ConversationAuthor Author, string Text, EmotionReading? Reading);
}
