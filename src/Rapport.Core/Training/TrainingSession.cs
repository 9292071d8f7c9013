using Rapport.Core.Coaching;

namespace Rapport.Core.Training;

/// <summary>
/// One role-play conversation: the simulated customer opens, the agent replies turn by turn, every reply is reviewed
/// by <see cref="EmpathyCoach"/> and moves the customer's state until the conversation is resolved, abandoned or
/// escalated. Deterministic for a scenario and seed. Not thread-safe (one session, one agent).
/// </summary>
public sealed class TrainingSession
{
    private readonly SimulatedCustomer _customer;
    private readonly List<TrainingTurn> _turns = [];
    private readonly List<string> _customerMessages = [];
    private readonly EmpathyCoach _coach;

    private TrainingSession(Scenario scenario, int seed, EmpathyCoach coach)
    {
        Scenario = scenario;
        Seed = seed;
        _coach = coach;
        _customer = new SimulatedCustomer(scenario, seed);
        StartState = _customer.State;
        Opening = _customer.Open();
        _customerMessages.Add(Opening);
    }

    /// <summary>Starts a session of <paramref name="scenario"/>; <paramref name="seed"/> chooses the customer's phrasings.</summary>
    public static TrainingSession Start(Scenario scenario, int seed, EmpathyCoach? coach = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return new TrainingSession(scenario, seed, coach ?? EmpathyCoach.Default);
    }

    /// <summary>The scenario played.</summary>
    public Scenario Scenario { get; }

    /// <summary>The seed of the customer's phrasings.</summary>
    public int Seed { get; }

    /// <summary>The customer's first message.</summary>
    public string Opening { get; }

    /// <summary>The customer's state before the first reply.</summary>
    public CustomerState StartState { get; }

    /// <summary>The agent's turns so far.</summary>
    public IReadOnlyList<TrainingTurn> Turns => _turns;

    /// <summary>Everything the customer has written, oldest first.</summary>
    public IReadOnlyList<string> CustomerMessages => _customerMessages;

    /// <summary>The customer's current state.</summary>
    public CustomerState State => _turns.Count == 0 ? StartState : _turns[^1].State;

    /// <summary>InProgress until the conversation ends.</summary>
    public TrainingOutcome Outcome => _turns.Count == 0 ? TrainingOutcome.InProgress : _turns[^1].Outcome;

    /// <summary>True once the conversation has ended.</summary>
    public bool IsOver => Outcome != TrainingOutcome.InProgress;

    /// <summary>The agent replies: the coach reviews the reply, the customer reacts and answers.</summary>
    /// <exception cref="InvalidOperationException">The conversation is over.</exception>
    public TrainingTurn Reply(string agentReply)
    {
        ArgumentNullException.ThrowIfNull(agentReply);
        if (IsOver)
        {
            throw new InvalidOperationException($"The conversation is over ({Outcome}).");
        }

        var number = _turns.Count + 1;
        var review = _coach.Review(agentReply, new ReviewContext([.. _customerMessages], Scenario.Persona.Name, null, Scenario.AtFault));
        var (reaction, outcome, answer) = _customer.Respond(number, agentReply, review);
        var turn = new TrainingTurn(number, agentReply, review, reaction, answer, _customer.State, outcome);
        _turns.Add(turn);
        _customerMessages.Add(answer);
        return turn;
    }

    /// <summary>The score card of the conversation so far (final once <see cref="IsOver"/>).</summary>
    public ScoreCard ScoreCard() => Training.ScoreCard.Of(this);
}
