using System.Collections.Frozen;
using Rapport.Core.Text;

namespace Rapport.Core.Coaching.Mechanisms;

/// <summary>
/// The phrase patterns compiled into a token trie: word edges (a word set is indexed under each of its words),
/// "any word but" edges, "any word" edges and gap edges. Node 0 is the root of unanchored patterns, node 1 of
/// patterns that must start a sentence. Immutable once built.
/// </summary>
internal sealed class PhraseTrie
{
    public const int Root = 0;
    public const int AnchoredRoot = 1;

    private readonly PhraseRule[] _rules;
    private readonly FrozenDictionary<ulong, int[]> _edges;
    private readonly (FrozenSet<ulong> Set, int Child)[][] _notInSetEdges;
    private readonly int[] _anyEdge;
    private readonly int[] _gapEdge;
    private readonly int[][] _accepts;

    private PhraseTrie(
        PhraseRule[] rules,
        FrozenDictionary<ulong, int[]> edges,
        (FrozenSet<ulong> Set, int Child)[][] notInSetEdges,
        int[] anyEdge,
        int[] gapEdge,
        int[][] accepts,
        int maxPhraseLength)
    {
        _rules = rules;
        _edges = edges;
        _notInSetEdges = notInSetEdges;
        _anyEdge = anyEdge;
        _gapEdge = gapEdge;
        _accepts = accepts;
        MaxPhraseLength = maxPhraseLength;
    }

    /// <summary>The most tokens one phrase can span.</summary>
    public int MaxPhraseLength { get; }

    /// <summary>Finds every phrase occurrence in <paramref name="text"/>, in order of their first token.</summary>
    public void FindMatches(scoped in MechanismText text, ref MatchBuffer matches)
    {
        var tokens = text.Tokens;
        foreach (var sentence in text.Sentences)
        {
            for (var start = sentence.FirstToken; start < sentence.EndToken; start++)
            {
                Walk(Root, start, start, tokens, sentence, ref matches);
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

    /// <summary>Builds the trie from expanded patterns.</summary>
    internal sealed class Builder(WordSets sets)
    {
        private readonly Dictionary<ulong, int> _edges = [];
        private readonly List<List<(int Set, int Child)>> _setEdges = [[], []];
        private readonly List<List<(int Set, int Child)>> _notInSetEdges = [[], []];
        private readonly List<int> _anyEdge = [0, 0];
        private readonly List<int> _gapEdge = [0, 0];
        private readonly List<List<int>> _accepts = [[], []];
        private int _maxLength;

        /// <summary>Adds a token sequence that accepts <paramref name="rule"/>, from <see cref="Root"/> or <see cref="AnchoredRoot"/>.</summary>
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

        /// <summary>The finished trie; <paramref name="rules"/> are indexed by the rule numbers given to <see cref="Insert"/>.</summary>
        public PhraseTrie Build(PhraseRule[] rules) =>
            new(rules, WordEdges(), Resolve(_notInSetEdges), [.. _anyEdge], [.. _gapEdge], [.. _accepts.Select(a => a.ToArray())], _maxLength);

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
