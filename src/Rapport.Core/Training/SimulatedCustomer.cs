using Rapport.Core.Coaching;
using Rapport.Core.Emotions;

namespace Rapport.Core.Training;

/// <summary>
/// The customer the simulator plays: reads each agent turn (the coach's review plus the scenario's facts, resolution
/// and trigger phrases), moves its state by <see cref="TrainingRules"/> and answers in the scenario's voice.
/// </summary>
internal sealed class SimulatedCustomer
{
    private readonly Scenario _scenario;
    private readonly CustomerVoice _voice;
    private readonly List<string> _revealed = [];
    private readonly List<string> _covered = [];
    private readonly HashSet<string> _previousReplies = new(StringComparer.Ordinal);
    private SupportEmotion _emotion;
    private double _intensity;
    private int _patience;
    private bool _askedForManager;
    private bool _acknowledgedBefore;
    private bool _apologisedBefore;
    private bool _feelingToAcknowledge;

    public SimulatedCustomer(Scenario scenario, int seed)
    {
        _scenario = scenario;
        _voice = new CustomerVoice(scenario, seed);
        _emotion = scenario.Emotion;
        _intensity = scenario.Intensity;
        _patience = scenario.Patience;
    }

    public CustomerState State => new(_emotion, _intensity, _patience, [.. _revealed], [.. _covered], _askedForManager);

    public string Open() => _voice.Say(CustomerMove.Opening) ?? _scenario.Lines[CustomerMove.Opening][0];

    /// <summary>Reacts to agent turn <paramref name="turn"/>: new state, outcome and the customer's answer.</summary>
    public (CustomerReaction Reaction, TrainingOutcome Outcome, string Answer) Respond(int turn, string reply, EmpathyReview review)
    {
        var effects = new List<(string Rule, double Change)>();
        var revealed = new List<ScenarioFact>();
        var covered = new List<ResolutionItem>();
        if (string.IsNullOrWhiteSpace(reply))
        {
            effects.Add(("empty reply", TrainingRules.Empty));
        }
        else
        {
            Read(reply, review, effects, revealed, covered);
        }

        var change = Math.Round(effects.Sum(e => e.Change), 4);
        _intensity = Math.Round(Math.Clamp(_intensity + change, TrainingRules.MinIntensity, 1), 4);
        if (change > TrainingRules.BadTurnAbove)
        {
            _patience--;
        }

        var outcome = Decide(turn, out var askingForManager);
        _emotion = NextEmotion();
        var answer = Answer(turn, outcome, askingForManager, change, revealed, covered);
        var reaction = new CustomerReaction(change, [.. effects.Select(e => $"{e.Rule} {e.Change:+0.00;−0.00}")], revealed, covered);
        return (reaction, outcome, answer);
    }

    private void Read(string reply, EmpathyReview review, List<(string, double)> effects, List<ScenarioFact> revealed, List<ResolutionItem> covered)
    {
        bool Met(Practice practice) => review[practice].Status == FindingStatus.Met;
        bool Missed(Practice practice) => review[practice].Status == FindingStatus.Missed;

        // What calms.
        _feelingToAcknowledge |= Missed(Practice.AcknowledgesFeeling);
        if (Met(Practice.AcknowledgesFeeling))
        {
            effects.Add(_acknowledgedBefore ? ("acknowledged the feeling again", TrainingRules.Acknowledged / 2) : ("acknowledged the feeling", TrainingRules.Acknowledged));
            _acknowledgedBefore = true;
        }

        if (Met(Practice.Apologizes))
        {
            effects.Add(_apologisedBefore ? ("apologised again", -0.02) : ("apologised", TrainingRules.Apologised));
            _apologisedBefore = true;
        }

        if (Met(Practice.ReflectsDetails))
        {
            effects.Add(("reflected their details", TrainingRules.ReflectedDetails));
        }

        if (Met(Practice.TakesOwnership))
        {
            effects.Add(("took ownership", TrainingRules.TookOwnership));
        }

        // An item counts when a sentence names it and commits to it (ownership, an action or a timeline), so that
        // "this must be hard before Saturday" does not count as getting it there before Saturday.
        var commitments = TextMatch.Sentences(reply).Where(Commits).ToList();
        foreach (var item in _scenario.Resolution)
        {
            if (!_covered.Contains(item.Id) && commitments.Any(c => TextMatch.ContainsAny(c, item.Keywords)))
            {
                _covered.Add(item.Id);
                covered.Add(item);
                effects.Add(($"next step: {item.Id}", TrainingRules.CoveredItem));
            }
        }

        if (Met(Practice.PromisesFollowUp))
        {
            effects.Add(("set expectations", TrainingRules.PromisedFollowUp));
        }

        if (Met(Practice.UsesName))
        {
            effects.Add(("used their name", TrainingRules.UsedName));
        }

        var questions = TextMatch.Questions(reply).ToList();
        foreach (var fact in _scenario.Facts)
        {
            if (revealed.Count < 2 && !_revealed.Contains(fact.Id) && questions.Any(q => TextMatch.ContainsAny(q, fact.AskedBy)))
            {
                _revealed.Add(fact.Id);
                revealed.Add(fact);
                effects.Add(($"asked about {fact.Id}", TrainingRules.AskedGoodQuestion));
            }
        }

        foreach (var phrase in TextMatch.Found(reply, _scenario.CalmedBy).Take(2))
        {
            effects.Add(($"\"{phrase}\"", TrainingRules.CalmingPhrase));
        }

        // What escalates.
        if (Missed(Practice.NotRobotic))
        {
            effects.Add(("robotic", TrainingRules.Robotic));
        }

        var text = ReplyText.Of(reply);
        if (text.Has(PhraseCategory.Blame) || text.Has(PhraseCategory.Dismissive))
        {
            effects.Add(("blamed or dismissed", TrainingRules.BlamedOrDismissed));
        }
        else if (Missed(Practice.PositiveLanguage))
        {
            effects.Add(("policy or a bare no", TrainingRules.NegativeLanguage));
        }

        if (Missed(Practice.AcknowledgesFeeling) && _intensity >= 0.5)
        {
            effects.Add(("ignored the feeling", TrainingRules.IgnoredFeeling));
        }

        if (!Met(Practice.TakesOwnership) && covered.Count == 0 && questions.Count == 0)
        {
            effects.Add(("evasive", TrainingRules.Evasive));
        }

        foreach (var phrase in TextMatch.Found(reply, _scenario.EscalatedBy).Take(2))
        {
            effects.Add(($"\"{phrase}\"", TrainingRules.AnnoyingPhrase));
        }

        if (!_previousReplies.Add(TextMatch.Normalize(reply)))
        {
            effects.Add(("same reply again", TrainingRules.Repeated));
        }
    }

    internal static bool Commits(string sentence)
    {
        var text = ReplyText.Of(sentence);
        return text.Has(PhraseCategory.Ownership) || text.Has(PhraseCategory.Action) || text.Has(PhraseCategory.FollowUp);
    }

    private TrainingOutcome Decide(int turn, out bool askingForManager)
    {
        askingForManager = false;
        // Empathy first: a fix alone does not satisfy a customer whose feeling the coach saw and no turn acknowledged.
        var heard = _acknowledgedBefore || !_feelingToAcknowledge;
        if (_covered.Count == _scenario.Resolution.Count && _intensity <= _scenario.CalmAt && heard)
        {
            return TrainingOutcome.Resolved;
        }

        if (_patience <= 0)
        {
            return TrainingOutcome.Abandoned;
        }

        if (_intensity >= TrainingRules.ManagerAt)
        {
            if (_askedForManager)
            {
                return TrainingOutcome.Escalated;
            }

            _askedForManager = askingForManager = true;
        }

        return turn >= _scenario.TurnLimit ? TrainingOutcome.Escalated : TrainingOutcome.InProgress;
    }

    private SupportEmotion NextEmotion()
    {
        var start = _scenario.Emotion;
        var startsPositive = start is SupportEmotion.Gratitude or SupportEmotion.Relief or SupportEmotion.Neutral;
        if (_intensity >= TrainingRules.AngerAt)
        {
            return SupportEmotion.Anger;
        }

        if (_intensity <= _scenario.CalmAt)
        {
            return _covered.Count == _scenario.Resolution.Count ? SupportEmotion.Gratitude : startsPositive ? start : SupportEmotion.Neutral;
        }

        return startsPositive ? (_intensity >= 0.45 ? SupportEmotion.Frustration : start) : start;
    }

    private string Answer(int turn, TrainingOutcome outcome, bool askingForManager, double change, List<ScenarioFact> revealed, List<ResolutionItem> covered)
    {
        var parts = new List<string?>();
        switch (outcome)
        {
            case TrainingOutcome.Resolved:
                parts.Add(_voice.Say(CustomerMove.Resolved));
                break;
            case TrainingOutcome.Abandoned:
                parts.Add(_voice.Say(CustomerMove.Leaving));
                break;
            case TrainingOutcome.Escalated:
                parts.Add(_voice.Say(CustomerMove.Manager));
                break;
            default:
                if (askingForManager)
                {
                    parts.Add(_voice.Say(CustomerMove.Manager));
                    break;
                }

                var mood = change < -0.02 ? CustomerMove.Calmer : change > 0.02 ? CustomerMove.Angrier : CustomerMove.Steady;
                parts.Add(_voice.Say(mood));
                parts.AddRange(revealed.Select(_voice.Tell));
                var missing = _scenario.Resolution.FirstOrDefault(r => !_covered.Contains(r.Id));
                if (missing is not null && (covered.Count > 0 || turn >= 2))
                {
                    parts.Add(_voice.Say(CustomerMove.Missing, missing.Ask));
                }
                else if (missing is null && mood != CustomerMove.Steady)
                {
                    parts.Add(_voice.Say(CustomerMove.Steady));
                }

                break;
        }

        var answer = string.Join(' ', parts.Where(p => p is not null));
        return answer.Length > 0 ? answer : "…";
    }
}
