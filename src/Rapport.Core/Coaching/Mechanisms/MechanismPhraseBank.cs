using System.Collections.Frozen;
using System.Globalization;
using Rapport.Core.Text;

namespace Rapport.Core.Coaching.Mechanisms;

/// <summary>
/// The hand-written phrase file of the mechanism rules (Resources/mechanisms/phrases.txt, format documented in its
/// header), compiled into a token trie. Immutable once built, so one instance serves every thread.
/// </summary>
internal sealed class MechanismPhraseBank
{
    private readonly FrozenDictionary<ulong, ulong> _normalization;
    private readonly FrozenDictionary<string, FrozenSet<ulong>> _classes;
    private readonly PhraseRule[] _rules;
    private readonly PhraseTrie _trie;

    private MechanismPhraseBank(
        FrozenDictionary<ulong, ulong> normalization, FrozenDictionary<string, FrozenSet<ulong>> classes, PhraseRule[] rules, PhraseTrie trie)
    {
        _normalization = normalization;
        _classes = classes;
        _rules = rules;
        _trie = trie;
    }

    /// <summary>The phrase rules, in file order; <see cref="PhraseHit.Rule"/> indexes them.</summary>
    public ReadOnlySpan<PhraseRule> Rules => _rules;

    /// <summary>The most tokens one phrase can span; phrases that overlap a match start within this distance of it.</summary>
    public int MaxPhraseLength => _trie.MaxPhraseLength;

    /// <summary>Folds a spelling variant ("im", "u") to the form the phrases are written in.</summary>
    public ulong Normalize(ulong hash) => _normalization.TryGetValue(hash, out var folded) ? folded : hash;

    /// <summary>The one-word members of a class defined in the file.</summary>
    /// <exception cref="KeyNotFoundException">The file does not define the class.</exception>
    public FrozenSet<ulong> Class(string name) =>
        _classes.TryGetValue(name, out var members) ? members : throw new KeyNotFoundException($"The phrase file defines no class '@{name}'.");

    /// <summary>Finds every phrase occurrence in <paramref name="text"/>, in order of their first token.</summary>
    public void FindMatches(scoped in MechanismText text, ref MatchBuffer matches) => _trie.FindMatches(text, ref matches);

    /// <summary>Loads the phrase file embedded in Rapport.Core.</summary>
    public static MechanismPhraseBank LoadEmbedded()
    {
        const string FileName = "phrases.txt";
        var assembly = typeof(MechanismPhraseBank).Assembly;
        foreach (var separator in (string[])["/", "\\", "."])
        {
            var name = $"Rapport.Core.Resources.mechanisms{separator}{FileName}";
            using var stream = assembly.GetManifestResourceStream(name);
            if (stream is not null)
            {
                using var reader = new StreamReader(stream);
                return Parse(reader, name);
            }
        }

        throw new InvalidOperationException($"Rapport.Core has no embedded resource mechanisms/{FileName}.");
    }

    /// <summary>Parses a phrase file.</summary>
    /// <exception cref="FormatException">A line is malformed; the message names <paramref name="source"/> and the line.</exception>
    public static MechanismPhraseBank Parse(TextReader reader, string source)
    {
        var normalization = new Dictionary<ulong, ulong>();
        var classes = new Dictionary<string, List<PatternElement[]>>(StringComparer.Ordinal);
        var rules = new List<PhraseRule>();
        var sets = new WordSets();
        var builder = new PhraseTrie.Builder(sets);
        ulong Fold(ulong hash) => normalization.TryGetValue(hash, out var folded) ? folded : hash;

        var lineNumber = 0;
        while (reader.ReadLine() is { } rawLine)
        {
            lineNumber++;
            var line = StripComment(rawLine).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                if (line[0] == '~')
                {
                    var (variant, canonical) = SplitDefinition(line[1..]);
                    normalization[TextHash.Of(variant)] = Fold(TextHash.Of(canonical));
                }
                else if (line[0] == '@')
                {
                    var (name, body) = SplitDefinition(line[1..]);
                    classes[name] = PhrasePattern.Expand($"({body})", classes, Fold, sets);
                }
                else
                {
                    var (rule, pattern) = ParseRuleHead(line, lineNumber);
                    var sequences = PhrasePattern.Expand(pattern, classes, Fold, sets);
                    foreach (var sequence in sequences)
                    {
                        builder.Insert(rule.AtSentenceStart ? PhraseTrie.AnchoredRoot : PhraseTrie.Root, sequence, rules.Count);
                    }

                    rules.Add(rule);
                }
            }
            catch (FormatException e)
            {
                throw new FormatException($"{source}({lineNumber}): {e.Message}", e);
            }
        }

        var classSets = classes.ToFrozenDictionary(
            pair => pair.Key,
            pair => pair.Value.SelectMany(s => s switch
            {
                [{ Step: PatternStep.Word } word] => [word.Hash],
                [{ Step: PatternStep.WordSet } set] => sets[(int)set.Hash],
                _ => Enumerable.Empty<ulong>(),
            }).ToFrozenSet(),
            StringComparer.Ordinal);
        PhraseRule[] ruleArray = [.. rules];
        return new MechanismPhraseBank(normalization.ToFrozenDictionary(), classSets, ruleArray, builder.Build(ruleArray));
    }

    private static (PhraseRule Rule, string Pattern) ParseRuleHead(string line, int lineNumber)
    {
        var parts = line.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length < 3)
        {
            throw new FormatException("Expected 'ER|IP|EX <level 0-2> <pattern>'.");
        }

        var mechanism = parts[0] switch
        {
            "ER" => Mechanism.EmotionalReactions,
            "IP" => Mechanism.Interpretations,
            "EX" => Mechanism.Explorations,
            _ => throw new FormatException($"Unknown mechanism '{parts[0]}'."),
        };
        if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var level) || level > 2)
        {
            throw new FormatException($"Level '{parts[1]}' is not 0, 1 or 2.");
        }

        var pattern = parts[2];
        var scope = PhraseScope.Any;
        if (pattern.StartsWith("[question]", StringComparison.Ordinal))
        {
            scope = PhraseScope.Question;
            pattern = pattern["[question]".Length..].TrimStart();
        }
        else if (pattern.StartsWith("[statement]", StringComparison.Ordinal))
        {
            scope = PhraseScope.Statement;
            pattern = pattern["[statement]".Length..].TrimStart();
        }

        var atStart = pattern.StartsWith('^');
        var atEnd = pattern.EndsWith('$');
        pattern = pattern[(atStart ? 1 : 0)..^(atEnd ? 1 : 0)];
        return (new PhraseRule(mechanism, (MechanismLevel)level, scope, atStart, atEnd, lineNumber), pattern);
    }

    private static (string Name, string Body) SplitDefinition(string definition)
    {
        var equals = definition.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new FormatException("Expected 'name = value'.");
        }

        return (definition[..equals].Trim(), definition[(equals + 1)..].Trim());
    }

    private static string StripComment(string line)
    {
        var hash = line.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? line : line[..hash];
    }
}
