using Rapport.Core.Text;

namespace Rapport.Core.Composing;

/// <summary>The composer's phrasings (composing/phrases.tsv), keyed by slot and by emotion or situation.</summary>
internal sealed class PhraseBank
{
    private readonly Dictionary<(string Slot, string Key), string[]> _phrases;

    private PhraseBank(Dictionary<(string, string), string[]> phrases)
    {
        _phrases = phrases;
    }

    public static PhraseBank Load()
    {
        var phrases = new Dictionary<(string, string), List<string>>();
        foreach (var (line, fields) in EmbeddedText.ReadTsv("composing/phrases.tsv"))
        {
            if (fields.Length != 3)
            {
                throw new InvalidDataException($"composing/phrases.tsv:{line}: expected slot, key and text.");
            }

            var key = (fields[0], fields[1]);
            if (!phrases.TryGetValue(key, out var list))
            {
                phrases[key] = list = [];
            }

            list.Add(fields[2]);
        }

        return new PhraseBank(phrases.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()));
    }

    public bool Has(string slot, string key) => _phrases.ContainsKey((slot, key));

    public IReadOnlyList<string> Get(string slot, string key) =>
        _phrases.TryGetValue((slot, key), out var list) ? list
        : _phrases.TryGetValue((slot, "any"), out var any) ? any
        : throw new KeyNotFoundException($"The phrase bank has no '{slot}' phrasing for '{key}'.");
}
