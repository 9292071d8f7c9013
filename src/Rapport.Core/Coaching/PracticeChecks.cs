using Rapport.Core.Text;

namespace Rapport.Core.Coaching;

/// <summary>One check per <see cref="Practice"/>; the weights are documented in docs/decisions/0003-empathy-score.md.</summary>
internal static class PracticeChecks
{
    public static PracticeFinding Greeting(ReplyText reply, CustomerFacts customer)
    {
        var greeting = reply.Find(PhraseCategory.Greeting).Where(reply.InFirstSentence).ToList();
        return greeting.Count > 0
            ? Met(Practice.Greeting, 4, greeting)
            : Missed(Practice.Greeting, 4, $"Open with a greeting: \"{Suggestions.Greeting(customer.FirstName)}\"", Suggestions.Greeting(customer.FirstName));
    }

    public static PracticeFinding UsesName(ReplyText reply, CustomerFacts customer)
    {
        if (customer.FirstName is null)
        {
            return NotApplicable(Practice.UsesName, 5);
        }

        var uses = new List<Range>();
        var at = 0;
        while ((at = reply.Text.IndexOf(customer.FirstName, at, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var end = at + customer.FirstName.Length;
            if ((at == 0 || !char.IsLetter(reply.Text[at - 1])) && (end >= reply.Text.Length || !char.IsLetter(reply.Text[end])))
            {
                uses.Add(at..end);
            }

            at = end;
        }

        return uses.Count > 0
            ? Met(Practice.UsesName, 5, uses)
            : Missed(Practice.UsesName, 5, $"Use their name: \"Hi {customer.FirstName},\"", $"Hi {customer.FirstName},");
    }

    public static PracticeFinding AcknowledgesFeeling(ReplyText reply, CustomerFacts customer)
    {
        if (!customer.ExpressedFeeling)
        {
            return NotApplicable(Practice.AcknowledgesFeeling, 15);
        }

        var acknowledgements = reply.Find(PhraseCategory.Acknowledge);
        if (acknowledgements.Count > 0)
        {
            return Met(Practice.AcknowledgesFeeling, 15, acknowledgements);
        }

        var line = Suggestions.Acknowledgement(customer.Feeling, customer.Detail);
        return Missed(Practice.AcknowledgesFeeling, 15, $"Acknowledge their {Suggestions.FeelingWord(customer.Feeling)} first: \"{line}\"", line);
    }

    public static PracticeFinding Apologizes(ReplyText reply, CustomerFacts customer)
    {
        if (!customer.FaultReported)
        {
            return NotApplicable(Practice.Apologizes, 10);
        }

        var apologies = reply.Find(PhraseCategory.Apology);
        var line = Suggestions.Apology(customer.ProblemDetail);
        return apologies.Count > 0
            ? Met(Practice.Apologizes, 10, apologies)
            : Missed(Practice.Apologizes, 10, $"Apologise for what went wrong: \"{line}\"", line);
    }

    public static PracticeFinding ThanksCustomer(ReplyText reply, CustomerFacts customer)
    {
        var thanks = reply.Find(PhraseCategory.Thanks);
        var line = Suggestions.Thanks(customer);
        return thanks.Count > 0
            ? Met(Practice.ThanksCustomer, 4, thanks)
            : Missed(Practice.ThanksCustomer, 4, $"Thank them: \"{line}\"", line);
    }

    public static PracticeFinding ReflectsDetails(ReplyText reply, CustomerFacts customer)
    {
        if (customer.SpecificStems.Count == 0)
        {
            return NotApplicable(Practice.ReflectsDetails, 10);
        }

        var shared = SharedSpecifics(reply, customer);
        var needed = customer.SpecificStems.Count <= 2 ? 1 : 2;

        // An order number or other identifier said back counts double: it is as specific as it gets.
        var identifiers = shared.Count(r => reply.Text[r].Any(char.IsDigit));
        if (shared.Count + identifiers >= needed)
        {
            return Met(Practice.ReflectsDetails, 10, shared);
        }

        var line = customer.ProblemDetail is null ? null : Suggestions.Apology(customer.ProblemDetail);
        return Missed(Practice.ReflectsDetails, 10,
            $"Show you listened: mention what they told you ({customer.SpecificsPhrase()}).", line);
    }

    /// <summary>The reply's words that the customer also used (by stem), as ranges in the reply.</summary>
    public static List<Range> SharedSpecifics(ReplyText reply, CustomerFacts customer)
    {
        var shared = new List<Range>();
        var seen = new HashSet<ulong>();
        for (var i = 0; i < reply.TokenCount; i++)
        {
            var token = reply.Tokens[i];
            if (!FunctionWords.IsContentWord(token, reply.Text))
            {
                continue;
            }

            var stem = FunctionWords.StemHash(token, reply.Text);
            if (customer.SpecificStems.Contains(stem) && seen.Add(stem))
            {
                shared.Add(token.Range);
            }
        }

        return shared;
    }

    public static PracticeFinding AsksClarifyingQuestion(ReplyText reply, CustomerFacts customer)
    {
        if (!customer.Unclear)
        {
            return NotApplicable(Practice.AsksClarifyingQuestion, 6);
        }

        var closings = reply.Find(PhraseCategory.QuestionClosing);
        var questions = reply.Questions().Where(q => !closings.Any(c => ReplyText.Contains(q, c))).ToList();
        var line = Suggestions.ClarifyingQuestion(customer);
        return questions.Count > 0
            ? Met(Practice.AsksClarifyingQuestion, 6, questions)
            : Missed(Practice.AsksClarifyingQuestion, 6, $"The problem isn't clear yet: ask before you answer. \"{line}\"", line);
    }

    public static PracticeFinding TakesOwnership(ReplyText reply, CustomerFacts customer)
    {
        if (customer.OnlyPositive)
        {
            return NotApplicable(Practice.TakesOwnership, 10);
        }

        var ownership = reply.Find(PhraseCategory.Ownership);
        return ownership.Count > 0
            ? Met(Practice.TakesOwnership, 10, ownership)
            : Missed(Practice.TakesOwnership, 10, $"Take ownership in the first person: \"{Suggestions.Ownership}\"", Suggestions.Ownership);
    }

    public static PracticeFinding PositiveLanguage(ReplyText reply, CustomerFacts customer, out bool critical)
    {
        var blame = reply.Find(PhraseCategory.Blame);
        var dismissive = reply.Find(PhraseCategory.Dismissive);
        var policy = reply.Find(PhraseCategory.Policy);
        var bareCannot = reply.Has(PhraseCategory.Alternative) ? [] : reply.Find(PhraseCategory.Decline).Where(r => IsCannot(reply, r)).ToList();
        critical = blame.Count > 0 || dismissive.Any(r => IsCritical(reply.Text[r]));
        if (blame.Count + dismissive.Count + policy.Count + bareCannot.Count == 0)
        {
            return new PracticeFinding(Practice.PositiveLanguage, FindingStatus.Met, 8, [], null);
        }

        var evidence = blame.Concat(dismissive).Concat(policy).Concat(bareCannot).OrderBy(r => r.Start.Value).ToList();
        var first = reply.Text[evidence[0]];
        var suggestion = blame.Count > 0
            ? $"Don't blame {customer.FirstName ?? "the customer"} (\"{reply.Text[blame[0]]}\"): say what happened and what you will do about it."
            : dismissive.Count > 0
                ? $"Drop \"{reply.Text[dismissive[0]]}\": it dismisses how they feel. Acknowledge the feeling instead."
                : policy.Count > 0
                    ? $"Instead of \"{reply.Text[policy[0]]}\", explain the reason in plain words and say what you can do."
                    : $"Pair \"{first}\" with what you can do: \"While I can't do that, what I can do is …\"";
        return new PracticeFinding(Practice.PositiveLanguage, FindingStatus.Missed, 8, evidence, suggestion);
    }

    private static bool IsCannot(ReplyText reply, Range range) =>
        reply.Text[range].ToLowerInvariant() is "can't" or "cannot" or "can not" or "unable to" or "not able to" or "won't be able" or "not possible" or "isn't possible";

    private static bool IsCritical(string phrase) =>
        phrase.ToLowerInvariant() is "calm down" or "relax" or "not my problem" or "not our problem" or "deal with it" or "whatever" or "obviously" or "clearly you";

    public static PracticeFinding OffersSolution(ReplyText reply, CustomerFacts customer)
    {
        if (customer.OnlyPositive)
        {
            return NotApplicable(Practice.OffersSolution, 15);
        }

        var actions = reply.Find(PhraseCategory.Action);
        return actions.Count > 0
            ? Met(Practice.OffersSolution, 15, actions)
            : Missed(Practice.OffersSolution, 15, "Offer a concrete next step: say what you will do, or what they can do, and when.", null);
    }

    public static PracticeFinding OffersAlternatives(ReplyText reply)
    {
        var declines = reply.Find(PhraseCategory.Decline);
        if (declines.Count == 0)
        {
            return NotApplicable(Practice.OffersAlternatives, 8);
        }

        var alternatives = reply.Find(PhraseCategory.Alternative);
        return alternatives.Count > 0
            ? Met(Practice.OffersAlternatives, 8, alternatives)
            : Missed(Practice.OffersAlternatives, 8, "You are declining: offer an alternative. \"What I can do instead is …\"", null);
    }

    public static PracticeFinding PromisesFollowUp(ReplyText reply, CustomerFacts customer)
    {
        if (customer.OnlyPositive)
        {
            return NotApplicable(Practice.PromisesFollowUp, 6);
        }

        var followUps = reply.Find(PhraseCategory.FollowUp);
        return followUps.Count > 0
            ? Met(Practice.PromisesFollowUp, 6, followUps)
            : Missed(Practice.PromisesFollowUp, 6, $"Set expectations: say when they will hear from you. \"{Suggestions.FollowUp}\"", Suggestions.FollowUp);
    }

    public static PracticeFinding OffersFurtherHelp(ReplyText reply)
    {
        var closings = reply.Find(PhraseCategory.Closing);
        return closings.Count > 0
            ? Met(Practice.OffersFurtherHelp, 4, closings)
            : Missed(Practice.OffersFurtherHelp, 4, $"Close with an open door: \"{Suggestions.Closing}\"", Suggestions.Closing);
    }

    public static PracticeFinding NotRobotic(ReplyText reply, CustomerFacts customer, PracticeFinding reflects)
    {
        var canned = reply.Find(PhraseCategory.Canned);
        var personal = reflects.Status == FindingStatus.Met
            || (customer.FirstName is not null && reply.Text.Contains(customer.FirstName, StringComparison.OrdinalIgnoreCase));
        var generic = !personal && (canned.Count > 0 || reply.WordCount < 12 || customer.SpecificStems.Count > 0);
        if (!generic && canned.Count <= 1)
        {
            return new PracticeFinding(Practice.NotRobotic, FindingStatus.Met, 8, reflects.Evidence, null);
        }

        var about = customer.Specifics.Count > 0 ? $" ({customer.SpecificsPhrase()})" : string.Empty;
        var suggestion = canned.Count > 0
            ? $"Sounds canned: replace \"{reply.Text[canned[0]]}\" with words about their situation{about}."
            : $"This could go to anyone: write about their situation{about} in your own words.";
        return new PracticeFinding(Practice.NotRobotic, FindingStatus.Missed, 8, canned, suggestion);
    }

    public static PracticeFinding AcknowledgesBeforeSolving(ReplyText reply, CustomerFacts customer, PracticeFinding acknowledges, PracticeFinding solution)
    {
        if (acknowledges.Status == FindingStatus.NotApplicable || solution.Status != FindingStatus.Met)
        {
            return NotApplicable(Practice.AcknowledgesBeforeSolving, 6);
        }

        var firstFeeling = Math.Min(reply.FirstAt(PhraseCategory.Acknowledge), reply.FirstAt(PhraseCategory.Apology));
        var firstAction = reply.FirstAt(PhraseCategory.Action);
        return firstFeeling < firstAction
            ? Met(Practice.AcknowledgesBeforeSolving, 6, [firstFeeling..Math.Min(reply.Text.Length, firstFeeling + 1)])
            : Missed(Practice.AcknowledgesBeforeSolving, 6,
                $"Lead with the acknowledgement, then the fix: {customer.FirstName ?? "they"} will take in the solution once they feel heard.", null);
    }

    public static PracticeFinding Tone(ReplyText reply)
    {
        var evidence = new List<Range>();
        string? problem = null;
        var capsWords = 0;
        for (var i = 0; i < reply.TokenCount; i++)
        {
            var token = reply.Tokens[i];
            if (token.Kind == TokenKind.Word && token.IsAllCaps && token.Length > 3)
            {
                capsWords++;
                evidence.Add(token.Range);
            }
        }

        if (capsWords >= 2)
        {
            problem = "Don't shout: write in sentence case and let the words carry the emphasis.";
        }
        else
        {
            evidence.Clear();
        }

        var exclamations = 0;
        for (var i = 0; i < reply.TokenCount; i++)
        {
            var token = reply.Tokens[i];
            if (token.Kind == TokenKind.Punctuation && reply.Text[token.Start] is '!' or '?')
            {
                var bangs = reply.Text.AsSpan(token.Start, token.Length).Count('!');
                exclamations += bangs;
                if (bangs >= 2)
                {
                    evidence.Add(token.Range);
                    problem ??= "One exclamation mark at most: a pile-up reads as shouting or sarcasm.";
                }
            }
        }

        if (exclamations > 3)
        {
            problem ??= "Fewer exclamation marks: more than three reads as forced.";
        }

        var longest = reply.Sentences.Count == 0 ? 0 : reply.Sentences.Max(s => CountWords(reply.Text[s]));
        if (reply.WordCount > 180 && !reply.Text.Contains("\n\n", StringComparison.Ordinal) || longest > 50)
        {
            problem ??= "Break up the wall of text: short paragraphs, one idea each.";
            evidence.AddRange(reply.Sentences.Where(s => CountWords(reply.Text[s]) > 50));
        }

        return problem is null
            ? new PracticeFinding(Practice.Tone, FindingStatus.Met, 5, [], null)
            : new PracticeFinding(Practice.Tone, FindingStatus.Missed, 5, evidence, problem);
    }

    private static int CountWords(string sentence) => sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    private static PracticeFinding Met(Practice practice, int weight, IReadOnlyList<Range> evidence) =>
        new(practice, FindingStatus.Met, weight, evidence, null);

    private static PracticeFinding Missed(Practice practice, int weight, string suggestion, string? insert) =>
        new(practice, FindingStatus.Missed, weight, [], suggestion, insert);

    private static PracticeFinding NotApplicable(Practice practice, int weight) =>
        new(practice, FindingStatus.NotApplicable, weight, [], null);
}
