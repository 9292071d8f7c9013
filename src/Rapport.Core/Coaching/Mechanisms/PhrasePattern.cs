using System.Collections.Frozen;
using Rapport.Core.Text;

namespace Rapport.Core.Coaching.Mechanisms;

/// <summary>What one step of an expanded phrase pattern matches.</summary>
internal enum PatternStep : byte
{
    /// <summary>One token with a given hash.</summary>
    Word,

    /// <summary>One token whose hash is in a word set (<see cref="WordSets"/>); alternatives of one word each.</summary>
    WordSet,

    /// <summary>One token whose hash is not in a word set (<c>!x</c>, <c>!(a|b)</c>, <c>!@class</c>).</summary>
    NotInSet,

    /// <summary>Any one token (<c>*</c>).</summary>
    Any,

    /// <summary>Zero to <see cref="PhrasePattern.MaxGap"/> tokens (<c>...</c>).</summary>
    Gap,
}

/// <summary>One step of an expanded phrase pattern: a word's hash, or the index of a word set.</summary>
internal readonly record struct PatternElement(PatternStep Step, ulong Hash);

/// <summary>
/// The sets of one-word alternatives met while parsing, deduplicated: the trie tests membership in one set instead
/// of branching once per word, which keeps patterns with several alternative groups small.
/// </summary>
internal sealed class WordSets
{
    private readonly List<FrozenSet<ulong>> _sets = [];
    private readonly Dictionary<string, int> _byContent = new(StringComparer.Ordinal);

    public FrozenSet<ulong> this[int index] => _sets[index];

    public int Register(IEnumerable<ulong> words)
    {
        var set = words.ToFrozenSet();
        var key = string.Join(',', set.Order());
        if (!_byContent.TryGetValue(key, out var index))
        {
            index = _sets.Count;
            _sets.Add(set);
            _byContent[key] = index;
        }

        return index;
    }
}

/// <summary>
/// Expands the phrase pattern language of the mechanism files into plain token sequences:
/// words, <c>(a|b c)</c> alternatives, <c>?</c> after a unit to make it optional, <c>@class</c> references,
/// <c>*</c> for any one token, <c>!x</c> for any one token but the one-word alternatives of x, <c>...</c> for a gap of up to <see cref="MaxGap"/> tokens and <c>"…"</c> for literal text.
/// </summary>
internal sealed class PhrasePattern
{
    public const int MaxGap = 3;
    private const int MaxExpansions = 20_000;

    private readonly string _text;
    private readonly IReadOnlyDictionary<string, List<PatternElement[]>> _classes;
    private readonly Func<ulong, ulong> _normalize;
    private readonly WordSets _sets;
    private int _position;

    private PhrasePattern(string text, IReadOnlyDictionary<string, List<PatternElement[]>> classes, Func<ulong, ulong> normalize, WordSets sets)
    {
        _text = text;
        _classes = classes;
        _normalize = normalize;
        _sets = sets;
    }

    /// <summary>Expands <paramref name="pattern"/> into every token sequence it stands for.</summary>
    /// <exception cref="FormatException">The pattern is malformed or refers to an unknown class.</exception>
    public static List<PatternElement[]> Expand(
        string pattern, IReadOnlyDictionary<string, List<PatternElement[]>> classes, Func<ulong, ulong> normalize, WordSets sets)
    {
        var parser = new PhrasePattern(pattern, classes, normalize, sets);
        var result = parser.ParseSequence();
        if (parser._position < pattern.Length)
        {
            throw new FormatException($"Unexpected '{pattern[parser._position]}' at column {parser._position + 1}.");
        }

        return result;
    }

    private List<PatternElement[]> ParseSequence()
    {
        List<PatternElement[]> result = [[]];
        while (true)
        {
            SkipSpace();
            if (_position >= _text.Length || _text[_position] is ')' or '|')
            {
                return result;
            }

            var alternatives = ParseAtom();
            if (_position < _text.Length && _text[_position] == '?')
            {
                _position++;
                alternatives = [.. alternatives, []];
            }

            result = Concatenate(result, alternatives);
        }
    }

    private List<PatternElement[]> ParseAtom()
    {
        var c = _text[_position];
        switch (c)
        {
            case '(':
                {
                    _position++;
                    var alternatives = new List<PatternElement[]>();
                    while (true)
                    {
                        alternatives.AddRange(ParseSequence());
                        if (_position >= _text.Length)
                        {
                            throw new FormatException("Missing ')'.");
                        }

                        if (_text[_position++] == ')')
                        {
                            return Collapse(alternatives);
                        }
                    }
                }

            case '@':
                {
                    var start = ++_position;
                    while (_position < _text.Length && (char.IsAsciiLetterOrDigit(_text[_position]) || _text[_position] is '_' or '-'))
                    {
                        _position++;
                    }

                    var name = _text[start.._position];
                    return _classes.TryGetValue(name, out var members)
                        ? members
                        : throw new FormatException($"Unknown class '@{name}'.");
                }

            case '*':
                _position++;
                return [[new PatternElement(PatternStep.Any, 0)]];

            case '!':
                {
                    _position++;
                    var excluded = Collapse(ParseAtom());
                    return excluded switch
                    {
                        [[{ Step: PatternStep.WordSet } set]] => [[new PatternElement(PatternStep.NotInSet, set.Hash)]],
                        [[{ Step: PatternStep.Word } word]] => [[new PatternElement(PatternStep.NotInSet, (ulong)_sets.Register([word.Hash]))]],
                        _ => throw new FormatException("'!' takes one-word alternatives only."),
                    };
                }

            case '.' when _text.AsSpan(_position).StartsWith("..."):
                _position += 3;
                return [[new PatternElement(PatternStep.Gap, 0)]];

            case '"':
                {
                    var end = _text.IndexOf('"', _position + 1);
                    if (end < 0)
                    {
                        throw new FormatException("Missing closing '\"'.");
                    }

                    var literal = _text[(_position + 1)..end];
                    _position = end + 1;
                    return [Words(literal, keepSymbols: true)];
                }

            default:
                {
                    var start = _position;
                    while (_position < _text.Length && !char.IsWhiteSpace(_text[_position]) && _text[_position] is not ('(' or ')' or '|' or '?' or '*' or '@' or '"' or '!'))
                    {
                        _position++;
                    }

                    if (_position == start)
                    {
                        throw new FormatException($"Unexpected '{c}' at column {start + 1}.");
                    }

                    return [Words(_text[start.._position], keepSymbols: false)];
                }
        }
    }

    private PatternElement[] Words(string literal, bool keepSymbols)
    {
        Span<Token> tokens = stackalloc Token[Tokenizer.MaxTokens(literal.Length)];
        var count = Tokenizer.Tokenize(literal, tokens);
        var words = new List<PatternElement>(count);
        foreach (var token in tokens[..count])
        {
            if (token.Kind is TokenKind.Punctuation or TokenKind.Url && !keepSymbols)
            {
                continue;
            }

            words.Add(new PatternElement(PatternStep.Word, _normalize(token.Hash)));
        }

        return words.Count > 0 ? [.. words] : throw new FormatException($"'{literal}' has no words.");
    }

    /// <summary>Folds the one-word alternatives of a group into one word set.</summary>
    private List<PatternElement[]> Collapse(List<PatternElement[]> alternatives)
    {
        var words = new List<ulong>();
        var rest = new List<PatternElement[]>();
        foreach (var alternative in alternatives)
        {
            switch (alternative)
            {
                case [{ Step: PatternStep.Word } word]:
                    words.Add(word.Hash);
                    break;
                case [{ Step: PatternStep.WordSet } set]:
                    words.AddRange(_sets[(int)set.Hash]);
                    break;
                default:
                    rest.Add(alternative);
                    break;
            }
        }

        if (words.Count > 1)
        {
            rest.Add([new PatternElement(PatternStep.WordSet, (ulong)_sets.Register(words))]);
        }
        else if (words.Count == 1)
        {
            rest.Add([new PatternElement(PatternStep.Word, words[0])]);
        }

        return rest;
    }

    private void SkipSpace()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
        {
            _position++;
        }
    }

    private static List<PatternElement[]> Concatenate(List<PatternElement[]> prefixes, List<PatternElement[]> suffixes)
    {
        if ((long)prefixes.Count * suffixes.Count > MaxExpansions)
        {
            throw new FormatException($"The pattern expands to more than {MaxExpansions} phrases.");
        }

        var result = new List<PatternElement[]>(prefixes.Count * suffixes.Count);
        foreach (var prefix in prefixes)
        {
            foreach (var suffix in suffixes)
            {
                result.Add([.. prefix, .. suffix]);
            }
        }

        return result;
    }
}
