using System.Text;
using Rapport.Core.Text;

namespace Rapport.Core.Training;

/// <summary>
/// Composes the customer's messages from the scenario's phrasings for each move, topped up by the shared voice
/// (training/voice.tsv): deterministic for a seed, never the same sentence twice in a session, specifics filled in.
/// </summary>
internal sealed class CustomerVoice
{
    private static readonly Lazy<IReadOnlyDictionary<CustomerMove, IReadOnlyList<string>>> Shared = new(LoadShared);

    private readonly Scenario _scenario;
    private readonly HashSet<string> _usedSentences = new(StringComparer.OrdinalIgnoreCase);
    private ulong _state;

    public CustomerVoice(Scenario scenario, int seed)
    {
        _scenario = scenario;

        // Mixing in the id makes one seed sound different across scenarios.
        _state = ((ulong)(uint)seed * 0x9E3779B97F4A7C15UL) ^ TextHash.Of(scenario.Id);
    }

    /// <summary>A line for <paramref name="move"/> not used before in this session, or null if every one was.</summary>
    public string? Say(CustomerMove move, string? missing = null)
    {
        var own = _scenario.Lines.GetValueOrDefault(move) ?? [];
        return Pick(own, missing) ?? Pick(Shared.Value.GetValueOrDefault(move) ?? [], missing);
    }

    /// <summary>A line telling <paramref name="fact"/>.</summary>
    public string? Tell(ScenarioFact fact) => Pick(fact.Lines, null);

    /// <summary>Fails when a move that can recur every turn could run out of unused lines within the turn limit.</summary>
    public static void CheckEnoughLines(Scenario scenario, string source)
    {
        foreach (var move in (CustomerMove[])[CustomerMove.Calmer, CustomerMove.Angrier, CustomerMove.Steady, CustomerMove.Missing])
        {
            var count = (scenario.Lines.GetValueOrDefault(move)?.Count ?? 0) + (Shared.Value.GetValueOrDefault(move)?.Count ?? 0);
            if (count < scenario.TurnLimit)
            {
                throw new InvalidDataException(
                    $"{source}: lines.{ScenarioReader.MoveName(move)}: {count} phrasings with the shared voice, fewer than the turn limit ({scenario.TurnLimit})");
            }
        }
    }

    private string? Pick(IReadOnlyList<string> options, string? missing)
    {
        if (options.Count == 0)
        {
            return null;
        }

        var start = (int)(Next() % (ulong)options.Count);
        for (var k = 0; k < options.Count; k++)
        {
            var line = Fill(options[(start + k) % options.Count], missing);
            if (line is null)
            {
                continue;
            }

            // Never the same sentence twice in a session, even inside two different lines.
            var sentences = TextMatch.Sentences(line).Select(TextMatch.Normalize).ToList();
            if (sentences.All(s => !_usedSentences.Contains(s)))
            {
                _usedSentences.UnionWith(sentences);
                return line;
            }
        }

        return null;
    }

    private string? Fill(string template, string? missing)
    {
        var builder = new StringBuilder(template.Length + 32);
        var at = 0;
        foreach (System.Text.RegularExpressions.Match match in ScenarioReader.PlaceholderPattern().Matches(template))
        {
            builder.Append(template, at, match.Index - at);
            var key = match.Groups[1].Value;
            var value = key == "missing" && missing is not null ? Fill(missing, null) : _scenario.Details.GetValueOrDefault(key);
            if (value is null)
            {
                return null; // a shared line that needs a detail this scenario does not have
            }

            // A detail that starts a sentence starts with a capital ("my father" → "My father passed away").
            var startsSentence = builder.Length == 0 || builder.ToString().TrimEnd() is { Length: > 0 } before && before[^1] is '.' or '!' or '?';
            builder.Append(startsSentence && value.Length > 0 ? char.ToUpperInvariant(value[0]) + value[1..] : value);
            at = match.Index + match.Length;
        }

        builder.Append(template, at, template.Length - at);
        return builder.ToString();
    }

    private ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static Dictionary<CustomerMove, IReadOnlyList<string>> LoadShared()
    {
        var lines = new Dictionary<CustomerMove, List<string>>();
        foreach (var (line, fields) in EmbeddedText.ReadTsv("training/voice.tsv"))
        {
            if (fields.Length != 2 || !Enum.TryParse<CustomerMove>(fields[0], ignoreCase: true, out var move))
            {
                throw new InvalidDataException($"training/voice.tsv:{line}: expected a move and a line.");
            }

            if (!lines.TryGetValue(move, out var list))
            {
                lines[move] = list = [];
            }

            list.Add(fields[1]);
        }

        return lines.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value);
    }
}
