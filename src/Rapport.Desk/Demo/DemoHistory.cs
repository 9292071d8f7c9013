using Rapport.Desk.Conversations;

namespace Rapport.Desk.Demo;

/// <summary>
/// Writes the script of the demo's six weeks of history: about 180 resolved conversations with replies from warm to
/// curt, promises kept and broken, thanks, surveys and a few kudos. Pure and deterministic (a fixed seed); times are
/// relative to <c>now</c>. <see cref="DemoSeeder"/> plays it through the real services.
/// </summary>
internal static class DemoHistory
{
    public const int Seed = 20_260_614;
    public const int Days = 42;
    public const int Stories = 180;

    /// <summary>Stories start no later than this before now, so each is resolved before the demo opens.</summary>
    public static readonly TimeSpan NewestStart = TimeSpan.FromDays(3);

    public static readonly string[] FirstNames =
    [
        "Ava", "Ben", "Chloe", "Dev", "Ella", "Finn", "Gemma", "Hugo", "Isla", "Jack", "Kira", "Leo", "Maya", "Nico",
        "Orla", "Pablo", "Rosa", "Sami", "Tara", "Umar", "Vera", "Wes", "Xena", "Yusuf", "Zara", "Adam", "Bea", "Carl",
        "Dina", "Eli", "Freya", "Gus", "Hana", "Ivan", "Jade", "Kofi",
    ];

    public static readonly string[] LastNames = ["Ahmed", "Baker", "Costa", "Doyle", "Evans", "Fischer", "Garcia", "Hughes", "Ito", "Jensen", "Kowalski", "Larsen"];

    /// <summary>How each demo agent writes (by index into <see cref="DemoWorkspace.Agents"/>): the share of warm and of curt replies, and reply delay in minutes.</summary>
    private static readonly (double Warm, double Curt, int MinDelay, int MaxDelay, int Weight)[] Styles =
    [
        (0.95, 0.00, 10, 90, 2),   // Alex Morgan, lead: warm and quick
        (0.85, 0.00, 30, 300, 5),  // Sam Rivera: warm, takes time
        (0.15, 0.70, 5, 45, 5),    // Jordan Lee: fast and curt
        (0.75, 0.05, 15, 120, 2),  // Casey Nguyen, lead
        (0.50, 0.45, 20, 360, 5),  // Riley Patel: warm one day, curt the next
        (0, 0, 0, 0, 0),           // Taylor Brooks, admin: does not answer customers
    ];

    private static readonly (Channel Channel, int Weight)[] Channels =
        [(Channel.Email, 35), (Channel.Chat, 25), (Channel.Phone, 15), (Channel.Web, 15), (Channel.Social, 10)];

    /// <summary>The history customers' names (first × last, in a fixed order).</summary>
    public static IReadOnlyList<string> Customers() =>
        [.. FirstNames.Select((first, i) => first + " " + LastNames[(i * 5) % LastNames.Length])];

    public static IReadOnlyList<DemoStory> Build(DateTimeOffset now)
    {
        var random = new Random(Seed);
        var customers = Customers();
        var stories = new List<DemoStory>(Stories);
        var oldest = now - TimeSpan.FromDays(Days);
        var span = (now - NewestStart - oldest).TotalMinutes;
        for (var i = 0; i < Stories; i++)
        {
            // Spread over the weeks, at customer hours (07:00–21:00 UTC), a little busier on Mondays. Every draw is
            // made whatever the day and hour, so the stories (topics, agents, ratings, kudos) are the same whenever
            // the demo is seeded; only their dates move.
            var day = oldest.AddMinutes(span * i / Stories).UtcDateTime.Date;
            var toMonday = random.NextDouble() < 0.6;
            var minute = random.Next(14 * 60);
            var earlier = random.Next(600);
            if (day.DayOfWeek == DayOfWeek.Sunday && toMonday)
            {
                day = day.AddDays(1);
            }

            var start = new DateTimeOffset(day, TimeSpan.Zero).AddMinutes(420 + minute);
            if (start > now - NewestStart)
            {
                start = now - NewestStart - TimeSpan.FromMinutes(earlier);
            }

            var story = Story(random, customers, start);

            // Every story is over (resolved) two hours before the demo opens; later steps (surveys, kudos) may wait.
            var resolved = story.Steps.First(s => s.Kind is DemoStepKind.Resolve or DemoStepKind.Close).At;
            var late = resolved - (now - TimeSpan.FromHours(2));
            if (late > TimeSpan.Zero)
            {
                story = story with { Steps = [.. story.Steps.Select(s => s with { At = s.At - late })] };
            }

            stories.Add(story);
        }

        return stories;
    }

    private static DemoStory Story(Random random, IReadOnlyList<string> customers, DateTimeOffset start)
    {
        var topic = DemoTopics.All[random.Next(DemoTopics.All.Length)];
        var agent = PickAgent(random, topic.Team);
        var style = Styles[agent];
        var channel = Pick(random, Channels);
        var customer = random.Next(customers.Count);
        var first = customers[customer].Split(' ')[0];
        var agentFirst = DemoWorkspace.Agents[agent].Name.Split(' ')[0];
        var level = random.Next(3);
        var steps = new List<DemoStep>();
        var at = start;
        steps.Add(new(at, DemoStepKind.Customer, topic.Openings[level]));

        var delay = random.Next(style.MinDelay, style.MaxDelay + 1) / (channel == Channel.Chat ? 4.0 : 1.0);
        at = at.AddMinutes(Math.Max(2, delay));
        var roll = random.NextDouble();
        var warm = roll < style.Warm;
        var curt = !warm && roll < style.Warm + style.Curt;
        var promise = !curt && random.NextDouble() < (warm ? 0.55 : 0.3);
        steps.Add(new(at, DemoStepKind.Reply, Reply(topic, first, level, warm, curt, promise ? topic.Promise : null)));
        var upsetAtClose = false;

        if (promise)
        {
            var kept = random.NextDouble() < (warm ? 0.8 : 0.55);
            if (kept)
            {
                at = at.AddHours(14 + random.Next(5));
                steps.Add(new(at, DemoStepKind.Reply, topic.Update));
                steps.Add(new(at.AddMinutes(1), DemoStepKind.KeepPromises));
            }
            else
            {
                // Past any "tomorrow" or "in 2 working days": the ledger has broken it by then.
                at = at.AddDays(3).AddHours(random.Next(4));
                steps.Add(new(at, DemoStepKind.Customer, topic.Chase));
                at = at.AddMinutes(Math.Max(5, delay));
                steps.Add(new(at, DemoStepKind.Reply, Apology(first, warm) + " " + topic.Update));
                if (random.NextDouble() < 0.4)
                {
                    steps.Add(new(at.AddMinutes(1), DemoStepKind.KeepPromises));
                }

                upsetAtClose = level == 2;
            }
        }
        else if (random.NextDouble() < 0.35)
        {
            at = at.AddHours(2 + random.Next(18));
            steps.Add(new(at, DemoStepKind.Customer, topic.Chase));
            at = at.AddMinutes(Math.Max(5, delay));
            steps.Add(new(at, DemoStepKind.Reply, curt ? topic.Curt : Apology(first, warm) + " " + topic.Action));
            upsetAtClose = curt && level > 0;
        }

        if (warm && !upsetAtClose && random.NextDouble() < 0.35)
        {
            at = at.AddMinutes(20 + random.Next(200));
            steps.Add(new(at, DemoStepKind.Customer, $"Thank you {agentFirst}, that's sorted now. Really appreciate your help!"));
        }

        at = at.AddHours(1 + random.Next(6));
        steps.Add(new(at, random.NextDouble() < 0.1 ? DemoStepKind.Close : DemoStepKind.Resolve));

        // A customer upset at close gets a lead's review before any survey (docs/follow-ups.md): the lead reviews it
        // the next morning (the step does nothing when the follow-up needs no review).
        steps.Add(new(at.AddHours(18), DemoStepKind.ReviewFollowUp, upsetAtClose || level == 2 ? "Called the customer to apologise; ok to send the check-in." : "Read the thread: the fix held, ok to send the check-in."));

        // The check-in goes out 72 h after resolution (Rapport:FollowUps); about half the customers answer.
        if (random.NextDouble() < 0.55)
        {
            var (satisfaction, understood) = Ratings(random, warm, curt, level, promise && steps.Any(s => s.Kind == DemoStepKind.Customer && s.Text == topic.Chase));
            steps.Add(new(at.AddHours(72 + 18 + random.Next(30)), DemoStepKind.AnswerSurvey, Comment(random, satisfaction, agentFirst), satisfaction, understood));
        }

        if (warm && agent is not 0 and not 3 && random.NextDouble() < 0.08)
        {
            steps.Add(new(at.AddHours(20), DemoStepKind.Kudos, $"Lovely handling of a tricky {topic.Label} case: calm, clear and kind."));
        }

        return new DemoStory(customer, channel, topic.Subject, agent, [topic.Label], [.. steps.OrderBy(s => s.At)]);
    }

    private static string Reply(DemoTopic topic, string customer, int level, bool warm, bool curt, string? promise)
    {
        if (curt)
        {
            return topic.Curt;
        }

        var text = warm
            ? $"Hi {customer}, {Acknowledge(level)} {topic.Action}"
            : $"Hi {customer}, {topic.Action}";
        if (promise is not null)
        {
            text += " " + promise;
        }

        return warm ? text + " Thanks for your patience with us." : text;
    }

    private static string Acknowledge(int level) => level switch
    {
        0 => "thanks for getting in touch, and sorry for the trouble.",
        1 => "I'm really sorry about this, I can see how worrying it is and I want to put it right.",
        _ => "I'm so sorry. I completely understand why you're frustrated, and you shouldn't have had to chase us.",
    };

    private static string Apology(string customer, bool warm) => warm
        ? $"Hi {customer}, I'm so sorry for the wait, that's not the service you deserve."
        : $"Hi {customer}, apologies for the delay.";

    private static (int Satisfaction, int Understood) Ratings(Random random, bool warm, bool curt, int level, bool chased)
    {
        double sat = warm ? 4.4 : curt ? 2.3 : 3.4, und = warm ? 4.5 : curt ? 1.9 : 3.2;
        var penalty = (level == 2 ? 0.4 : 0) + (chased ? 1.0 : 0);
        var noise = (random.NextDouble() - 0.5) * 1.8;
        return (Rating(sat - penalty + noise), Rating(und - (penalty / 2) + noise + ((random.NextDouble() - 0.5) * 0.8)));
    }

    private static int Rating(double value) => Math.Clamp((int)Math.Round(value), 1, 5);

    private static string? Comment(Random random, int satisfaction, string agent)
    {
        if (random.NextDouble() < 0.3)
        {
            return null;
        }

        string[] options = satisfaction switch
        {
            5 => [$"{agent} was wonderful, really listened and sorted it out quickly.", $"Thank you {agent}, brilliant service!", "Quick, friendly and it actually got fixed. Thank you."],
            4 => ["Good service, took a little while but got there.", "Helpful, thanks."],
            3 => ["It was fine in the end.", "Ok, but I had to explain it twice."],
            2 => ["The answers felt copied and pasted.", "Slow, and nobody seemed to read my message."],
            _ => ["Nobody seemed to care. I had to chase twice.", "Felt like talking to a wall."],
        };
        return options[random.Next(options.Length)];
    }

    private static int PickAgent(Random random, int team)
    {
        var candidates = DemoWorkspace.Agents.Select((a, i) => (Index: i, a.Team)).Where(a => a.Team == team && Styles[a.Index].Weight > 0)
            .Select(a => (a.Index, Styles[a.Index].Weight)).ToArray();
        return Pick(random, candidates);
    }

    private static T Pick<T>(Random random, (T Value, int Weight)[] options)
    {
        var roll = random.Next(options.Sum(o => o.Weight));
        foreach (var (value, weight) in options)
        {
            if ((roll -= weight) < 0)
            {
                return value;
            }
        }

        return options[^1].Value;
    }
}

/// <summary>One scripted conversation of the history: customer (index into <see cref="DemoHistory.Customers"/>), agent (index into the demo agents) and steps in time order.</summary>
internal sealed record DemoStory(int Customer, Channel Channel, string Subject, int Agent, string[] Labels, IReadOnlyList<DemoStep> Steps);

/// <summary>One moment of a <see cref="DemoStory"/>.</summary>
internal sealed record DemoStep(DateTimeOffset At, DemoStepKind Kind, string? Text = null, int Satisfaction = 0, int Understood = 0);

internal enum DemoStepKind
{
    Customer,
    Reply,
    KeepPromises,
    Resolve,
    Close,
    ReviewFollowUp,
    AnswerSurvey,
    Kudos,
}
