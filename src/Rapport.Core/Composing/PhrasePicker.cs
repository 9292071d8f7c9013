namespace Rapport.Core.Composing;

/// <summary>
/// Picks phrasings for one reply: deterministic for a seed (SplitMix64, stable across runtimes), never a phrasing
/// used earlier in the reply or in the conversation's previous replies while another is left.
/// </summary>
internal sealed class PhrasePicker(PhraseBank bank, int seed, IReadOnlyList<string>? previousReplies)
{
    private readonly HashSet<string> _used = [];
    private ulong _state = (ulong)(uint)seed * 0x9E3779B97F4A7C15UL;

    public bool Has(string slot, string key) => bank.Has(slot, key);

    public string Pick(string slot, string key)
    {
        var options = bank.Get(slot, key);
        var start = (int)(Next() % (ulong)options.Count);
        for (var k = 0; k < options.Count; k++)
        {
            var option = options[(start + k) % options.Count];
            if (!_used.Contains(option) && !UsedBefore(option))
            {
                _used.Add(option);
                return option;
            }
        }

        return options[start];
    }

    private bool UsedBefore(string option)
    {
        if (previousReplies is null)
        {
            return false;
        }

        // Compare the template's fixed opening, since placeholders were filled in earlier replies.
        var brace = option.IndexOf('{', StringComparison.Ordinal);
        var fixedPart = (brace < 0 ? option : option[..brace]).Trim();
        return fixedPart.Length >= 8 && previousReplies.Any(r => r.Contains(fixedPart, StringComparison.OrdinalIgnoreCase));
    }

    private ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
