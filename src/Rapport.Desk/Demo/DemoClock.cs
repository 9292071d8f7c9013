namespace Rapport.Desk.Demo;

/// <summary>
/// The clock the demo history runs on: the seeder sets it to each moment of the story in turn, so the real services
/// (SLA clocks, promises, follow-ups, surveys, kudos) stamp their records with the story's times.
/// </summary>
internal sealed class DemoClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start.ToUniversalTime();

    public override DateTimeOffset GetUtcNow() => _now;

    public void Set(DateTimeOffset at) => _now = at.ToUniversalTime();
}
