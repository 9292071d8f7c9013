namespace Rapport.Desk.Training;

/// <summary>
/// A scenario kept in the database rather than embedded in Rapport.Core: one generated from a resolved conversation
/// (anonymised) or added by a lead. <see cref="Json"/> is the scenario file format (docs/training-scenarios.md).
/// </summary>
public sealed class StoredScenario
{
    /// <summary>The scenario's id (kebab-case, unique across the embedded library and the stored scenarios).</summary>
    public required string Id { get; set; }

    public required string Title { get; set; }

    /// <summary>The scenario in the file format, validated on every read.</summary>
    public required string Json { get; set; }

    /// <summary>The resolved conversation it was generated from, when it was.</summary>
    public long? SourceConversationId { get; set; }

    public long? CreatedById { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
