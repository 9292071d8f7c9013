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
    private const int AnchoredRoot = 1;

    private readonly FrozenDictionary<ulong, ulong> _normalization;
    private readonly FrozenDictionary<string, FrozenSet<ulong>> _classes;
    private readonly FrozenDictionary<ulong, int[]> _edges;
    private readonly (FrozenSet<ulong> Set, int Child)[][] _notInSetEdges;
    private readonly int[] _anyEdge;
    private readonly int[] _gapEdge;
    private readonly int[][] _accepts;
    private readonly PhraseRule[] _rules;

    private MechanismPhraseBank(
        FrozenDictionary<ulong, ulong> normalization,
        FrozenDictionary<string, FrozenSet<ulong>> classes,
        PhraseRule[] rules,
        FrozenDictionary<ulong, int[]> edges,
        (FrozenSet<ulong> Set, int Child)[][] notInSetEdges,
        int[] anyEdge,
        int[] gapEdge,
        int[][] accepts,
        int maxPhraseLength)
    {
        _normalization = normalization;
        _classes = classes;
        _rules = rules;
        _edges = edges;
        _notInSetEdges = notInSetEdges;
        _anyEdge = anyEdge;
        _gapEdge = gapEdge;
        _accepts = accepts;
        MaxPhraseLength = maxPhraseLength;
    }

    /// <summary>The phrase rules, in file order; <see cref="PhraseHit.Rule"/> indexes them.</summary>
    public ReadOnlySpan<PhraseRule> Rules => _rules;

    /// <summary>The most tokens one phrase can span; phrases that overlap a match start within this distance of it.</summary>
    public int MaxPhraseLength { get; }

    /// <summary>Folds a spelling variant ("im", "u") to the form the phrases are written in.</summary>
    public ulong Normalize(ulong hash) => _normalization.TryGetValue(hash, out var folded) ? folded : hash;

    /// <summary>The one-word members of a class defined in the file.</summary>
    /// <exception cref="KeyNotFoundException">The file does not define the class.</exception>
    public FrozenSet<ulong> Class(string name) =>
        _classes.TryGetValue(name, out var members) ? members : throw new KeyNotFoundException($"The phrase file defines no class '@{name}'.");

    /// <summary>Finds every phrase occurrence in <paramref name="text"/>, in order of their first token.</summary>
    public void FindMatches(scoped in MechanismText text, ref MatchBuffer matches)
    {
        var tokens = text.Tokens;
        foreach (var sentence in text.Sentences)
        {
            for (var start = sentence.FirstToken; start < sentence.EndToken; start++)
            {
                Walk(0, start, start, tokens, sentence, ref matches);
                if (start == sentence.FirstToken)
                {
                    Walk(AnchoredRoot, start, start, tokens, sentence, ref matches);
                }
            }
        }
    }

    private void Walk(int node, int start, int position, ReadOnlySpan<MatchToken> tokens, MatchSentence sentence, ref MatchBuffer matches)
    {
        foreach (var ruleIndex in _accepts[node])
        {
            var rule = _rules[ruleIndex];
            var inScope = rule.Scope switch
            {
                PhraseScope.Question => sentence.IsQuestion,
                PhraseScope.Statement => !sentence.IsQuestion,
                _ => true,
            };
            if (inScope && position > start && (!rule.AtSentenceEnd || position == sentence.EndToken))
            {
                matches.Add(new PhraseHit(ruleIndex, start, position));
            }
        }

        if (position < sentence.EndToken)
        {
            if (_edges.TryGetValue(EdgeKey(node, tokens[position].Hash), out var children))
            {
                foreach (var child in children)
                {
                    Walk(child, start, position + 1, tokens, sentence, ref matches);
                }
            }

            foreach (var (set, setChild) in _notInSetEdges[node])
            {
                if (!set.Contains(tokens[position].Hash))
                {
                    Walk(setChild, start, position + 1, tokens, sentence, ref matches);
                }
            }

            if (_anyEdge[node] > 0)
            {
                Walk(_anyEdge[node], start, position + 1, tokens, sentence, ref matches);
            }
        }

        if (_gapEdge[node] > 0)
        {
            for (var skip = 0; skip <= PhrasePattern.MaxGap && position + skip <= sentence.EndToken; skip++)
            {
                Walk(_gapEdge[node], start, position + skip, tokens, sentence, ref matches);
            }
        }
    }

    private static ulong EdgeKey(int node, ulong hash) => TextHash.Combine((ulong)node + 1, hash);

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
        var builder = new TrieBuilder(sets);
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
                        builder.Insert(rule.AtSentenceStart ? AnchoredRoot : 0, sequence, rules.Count);
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
        return builder.Build(normalization.ToFrozenDictionary(), classSets, [.. rules]);
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

    /// <summary>Builds the trie: node 0 is the root for unanchored patterns, node 1 for sentence-initial ones.</summary>
    private sealed class TrieBuilder(WordSets sets)
    {
        private readonly Dictionary<ulong, int> _edges = [];
        private readonly List<List<(int Set, int Child)>> _setEdges = [[], []];
        private readonly List<List<(int Set, int Child)>> _notInSetEdges = [[], []];
        private readonly List<int> _anyEdge = [0, 0];
        private readonly List<int> _gapEdge = [0, 0];
        private readonly List<List<int>> _accepts = [[], []];
        private int _maxLength;

        public void Insert(int root, PatternElement[] sequence, int rule)
        {
            var node = root;
            _maxLength = Math.Max(_maxLength, sequence.Sum(e => e.Step == PatternStep.Gap ? PhrasePattern.MaxGap : 1));
            foreach (var element in sequence)
            {
                node = element.Step switch
                {
                    PatternStep.Word => Child(node, element.Hash),
                    PatternStep.WordSet => SetChild(_setEdges, node, (int)element.Hash),
                    PatternStep.NotInSet => SetChild(_notInSetEdges, node, (int)element.Hash),
                    PatternStep.Any => Child(_anyEdge, node),
                    _ => Child(_gapEdge, node),
                };
            }

            if (!_accepts[node].Contains(rule))
            {
                _accepts[node].Add(rule);
            }
        }

        public MechanismPhraseBank Build(
            FrozenDictionary<ulong, ulong> normalization, FrozenDictionary<string, FrozenSet<ulong>> classes, PhraseRule[] rules) =>
            new(normalization, classes, rules, WordEdges(), Resolve(_notInSetEdges), [.. _anyEdge], [.. _gapEdge], [.. _accepts.Select(a => a.ToArray())], _maxLength);

        private int Child(int node, ulong hash)
        {
            var key = EdgeKey(node, hash);
            if (!_edges.TryGetValue(key, out var child))
            {
                child = NewNode();
                _edges[key] = child;
            }

            return child;
        }

        /// <summary>
        /// One lookup per node and token: a word-set edge is indexed under each of its words, next to the plain word
        /// edges, so the walk never scans sets (a token may lead to several children).
        /// </summary>
        private FrozenDictionary<ulong, int[]> WordEdges()
        {
            var edges = _edges.ToDictionary(pair => pair.Key, pair => new List<int> { pair.Value });
            for (var node = 0; node < _setEdges.Count; node++)
            {
                foreach (var (set, child) in _setEdges[node])
                {
                    foreach (var word in sets[set])
                    {
                        var key = EdgeKey(node, word);
                        if (!edges.TryGetValue(key, out var children))
                        {
                            edges[key] = children = [];
                        }

                        children.Add(child);
                    }
                }
            }

            return edges.ToFrozenDictionary(pair => pair.Key, pair => pair.Value.ToArray());
        }

        private (FrozenSet<ulong> Set, int Child)[][] Resolve(List<List<(int Set, int Child)>> edges) =>
            [.. edges.Select(list => list.Select(e => (sets[e.Set], e.Child)).ToArray())];

        private int SetChild(List<List<(int Set, int Child)>> edges, int node, int set)
        {
            foreach (var (existing, child) in edges[node])
            {
                if (existing == set)
                {
                    return child;
                }
            }

            var created = NewNode();
            edges[node].Add((set, created));
            return created;
        }

        private int Child(List<int> edges, int node)
        {
            if (edges[node] == 0)
            {
                edges[node] = NewNode();
            }

            return edges[node];
        }

        private int NewNode()
        {
            _anyEdge.Add(0);
            _gapEdge.Add(0);
            _setEdges.Add([]);
            _notInSetEdges.Add([]);
            _accepts.Add([]);
            return _accepts.Count - 1;
        }
    }
}
