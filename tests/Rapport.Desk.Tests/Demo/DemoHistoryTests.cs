using Rapport.Desk.Demo;

namespace Rapport.Desk.Tests.Demo;

/// <summary>The demo's weeks of history are the same stories whenever the demo is seeded; only their dates move.</summary>
public sealed class DemoHistoryTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 0, 30, 0, TimeSpan.Zero);

    public static TheoryData<DateTimeOffset> Moments() =>
    [
        Monday.AddHours(5),      // a Monday morning, when a Sunday story used to draw one more number
        Monday.AddHours(20.5),
        Monday.AddDays(3).AddHours(14),
        Monday.AddDays(5).AddHours(23.9),
        Monday.AddDays(6).AddHours(9),
    ];

    [Theory]
    [MemberData(nameof(Moments))]
    public void The_stories_do_not_depend_on_the_day_or_hour_of_seeding(DateTimeOffset now)
    {
        var reference = DemoHistory.Build(Monday.AddDays(2).AddHours(12));
        var stories = DemoHistory.Build(now);

        Assert.Equal(reference.Count, stories.Count);
        Assert.Equal(Describe(reference), Describe(stories));
        Assert.All(stories, s => Assert.True(s.Steps[0].At < now - TimeSpan.FromHours(2), $"{s.Subject} starts at {s.Steps[0].At}, less than 2 h before {now}"));
    }

    [Fact]
    public void The_history_has_at_least_three_kudos_whenever_it_is_seeded()
    {
        var kudos = DemoHistory.Build(Monday).SelectMany(s => s.Steps).Count(s => s.Kind == DemoStepKind.Kudos);

        // The server's demo tests count at least 3 in the database (one more comes from the loop story).
        Assert.InRange(kudos, 3, 20);
    }

    private static List<string> Describe(IReadOnlyList<DemoStory> stories) =>
        [.. stories.Select(s => $"{s.Customer}|{s.Channel}|{s.Subject}|{s.Agent}|{string.Join(',', s.Labels)}|" +
            string.Join(';', s.Steps.Select(step => $"{step.Kind}:{step.Text}:{step.Satisfaction}:{step.Understood}")))];
}
