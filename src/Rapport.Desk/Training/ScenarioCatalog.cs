using Microsoft.EntityFrameworkCore;
using Rapport.Core.Training;
using Rapport.Desk.Data;

namespace Rapport.Desk.Training;

/// <summary>A scenario an agent can play, and where it comes from.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Stored">False for the library embedded in Rapport.Core; true for one kept in the database.</param>
/// <param name="SourceConversationId">The resolved conversation a stored scenario was generated from, when it was.</param>
public sealed record CatalogScenario(Scenario Scenario, bool Stored, long? SourceConversationId);

/// <summary>
/// Every playable scenario: the library embedded in Rapport.Core, then the scenarios stored in the database (generated
/// from resolved conversations). Ids are unique across both. A stored scenario that no longer parses (the format moved
/// on) is left out rather than failing the list.
/// </summary>
public sealed class ScenarioCatalog(RapportDbContext db)
{
    /// <summary>The embedded library.</summary>
    public static ScenarioLibrary Library => ScenarioLibrary.Default;

    /// <summary>The scenario with <paramref name="id"/> (case-insensitive), or null when neither source has it.</summary>
    public async Task<Scenario?> FindAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (Library.Find(id) is { } scenario)
        {
            return scenario;
        }

        var key = id.ToLowerInvariant();
        var stored = await db.TrainingScenarios.AsNoTracking().FirstOrDefaultAsync(s => s.Id == key, cancellationToken).ConfigureAwait(false);
        return stored is null ? null : TryParse(stored);
    }

    /// <summary>Every scenario: the library in id order, then the stored ones, newest first.</summary>
    public async Task<IReadOnlyList<CatalogScenario>> ListAsync(CancellationToken cancellationToken)
    {
        var stored = await db.TrainingScenarios.AsNoTracking().OrderByDescending(s => s.CreatedAt).ThenBy(s => s.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var list = Library.Scenarios.Select(s => new CatalogScenario(s, false, null)).ToList();
        list.AddRange(stored.Select(s => TryParse(s) is { } scenario ? new CatalogScenario(scenario, true, s.SourceConversationId) : null).OfType<CatalogScenario>());
        return list;
    }

    /// <summary>Stores <paramref name="scenario"/> (with its file-format JSON).</summary>
    /// <exception cref="DeskConflictException">The id is taken by the library or a stored scenario.</exception>
    public async Task<StoredScenario> AddAsync(Scenario scenario, string json, long? sourceConversationId, long? createdById, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(json);
        if (await FindAsync(scenario.Id, cancellationToken).ConfigureAwait(false) is not null)
        {
            throw new DeskConflictException($"There is already a scenario '{scenario.Id}'.");
        }

        var stored = new StoredScenario
        {
            Id = scenario.Id.ToLowerInvariant(),
            Title = scenario.Title,
            Json = json,
            SourceConversationId = sourceConversationId,
            CreatedById = createdById,
            CreatedAt = now,
        };
        db.TrainingScenarios.Add(stored);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return stored;
    }

    /// <summary>Removes a stored scenario; false when there is none. Attempts of it stay, summarised but no longer replayable.</summary>
    /// <exception cref="DeskValidationException">The scenario is part of the embedded library.</exception>
    public async Task<bool> RemoveAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (Library.Find(id) is not null)
        {
            throw new DeskValidationException("id", $"'{id}' is part of the built-in library and cannot be removed.");
        }

        var key = id.ToLowerInvariant();
        return await db.TrainingScenarios.Where(s => s.Id == key).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    private static Scenario? TryParse(StoredScenario stored)
    {
        try
        {
            return ScenarioLibrary.Parse(stored.Json, $"stored scenario '{stored.Id}'");
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
