using Rapport.Core.Text;

namespace Rapport.Core.Training;

/// <summary>The scenarios embedded in Rapport.Core (Resources/training/*.json), in id order.</summary>
public sealed class ScenarioLibrary
{
    private static readonly Lazy<ScenarioLibrary> LazyDefault = new(Load);

    private readonly Dictionary<string, Scenario> _byId;

    /// <summary>A library of <paramref name="scenarios"/> (ids must be unique).</summary>
    public ScenarioLibrary(IEnumerable<Scenario> scenarios)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        Scenarios = [.. scenarios.OrderBy(s => s.Id, StringComparer.Ordinal)];
        _byId = new Dictionary<string, Scenario>(StringComparer.OrdinalIgnoreCase);
        foreach (var scenario in Scenarios)
        {
            if (!_byId.TryAdd(scenario.Id, scenario))
            {
                throw new InvalidDataException($"training: duplicate scenario id '{scenario.Id}'");
            }
        }
    }

    /// <summary>The embedded library (parsed and validated on first use).</summary>
    public static ScenarioLibrary Default => LazyDefault.Value;

    /// <summary>Every scenario, in id order.</summary>
    public IReadOnlyList<Scenario> Scenarios { get; }

    /// <summary>The scenario with <paramref name="id"/> (case-insensitive), or null.</summary>
    public Scenario? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Parses and validates one scenario file's JSON; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="InvalidDataException">The file is malformed or breaks a rule of the format.</exception>
    public static Scenario Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        return ScenarioReader.Parse(json, source);
    }

    /// <summary>
    /// Checks a scenario built in memory (e.g. one generated from a conversation) by every rule a scenario file must
    /// meet: the format's fields and ranges, and enough phrasings for its turn limit with the shared voice.
    /// </summary>
    /// <exception cref="InvalidDataException">A rule is broken; the message starts with <paramref name="source"/>.</exception>
    public static void Validate(Scenario scenario, string source)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ScenarioReader.ValidateInMemory(scenario, source);
        CustomerVoice.CheckEnoughLines(scenario, source);
    }

    /// <summary>The embedded scenario files' names, e.g. "training/double-charge.json".</summary>
    internal static IReadOnlyList<string> ResourceNames() => EmbeddedText.List("training", ".json");

    private static ScenarioLibrary Load()
    {
        var scenarios = new List<Scenario>();
        foreach (var name in ResourceNames())
        {
            var scenario = ScenarioReader.Parse(EmbeddedText.ReadAll(name), name);
            if (name != $"training/{scenario.Id}.json")
            {
                throw new InvalidDataException($"{name}: the file name must be the id ('{scenario.Id}.json')");
            }

            CustomerVoice.CheckEnoughLines(scenario, name);
            scenarios.Add(scenario);
        }

        return new ScenarioLibrary(scenarios);
    }
}
