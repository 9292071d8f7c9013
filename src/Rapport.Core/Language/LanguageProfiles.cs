using System.Collections.Frozen;
using System.Globalization;

namespace Rapport.Core.Language;

/// <summary>
/// The detector's data: the supported languages, the word table and the n-gram table, parsed from the hand-written
/// TSV files in Resources/language/ (format and provenance in docs/data.md). Immutable once built.
/// </summary>
internal sealed class LanguageProfiles
{
    /// <summary>The most languages a profile set may hold; the detector keeps one score per language on the stack.</summary>
    public const int MaxLanguages = 32;

    /// <summary>The longest word the table holds; the detector lowercases words into a buffer of this size.</summary>
    public const int MaxWordLength = 48;

    /// <summary>In words.tsv, the language column value for words that are known but favour no language ("ok", "email").</summary>
    public const string NeutralCode = "*";

    private const string ResourcePrefix = "Rapport.Core.Resources.language.";

    private LanguageProfiles(string[] languages, Evidence[] evidence, FrozenDictionary<string, EvidenceRange> words, NgramTable ngrams)
    {
        Languages = languages;
        Evidence = evidence;
        Words = words;
        Ngrams = ngrams;
    }

    /// <summary>ISO 639-1 codes in file order; on a tie the earlier language wins, so English comes first.</summary>
    public string[] Languages { get; }

    public Evidence[] Evidence { get; }

    public FrozenDictionary<string, EvidenceRange> Words { get; }

    public NgramTable Ngrams { get; }

    /// <summary>Loads languages.tsv, words.tsv and ngrams.tsv embedded in this assembly.</summary>
    public static LanguageProfiles LoadEmbedded()
    {
        var assembly = typeof(LanguageProfiles).Assembly;

        // MSBuild renders %(RecursiveDir) with the OS separator, so accept "language/x.tsv" and "language\x.tsv" too.
        var names = assembly.GetManifestResourceNames()
            .ToDictionary(n => n.Replace('/', '.').Replace('\\', '.'), StringComparer.Ordinal);

        StreamReader Open(string file)
        {
            if (!names.TryGetValue(ResourcePrefix + file, out var name))
            {
                throw new InvalidOperationException($"Embedded resource {ResourcePrefix}{file} is missing from {assembly.GetName().Name}.");
            }

            return new StreamReader(assembly.GetManifestResourceStream(name)!);
        }

        using var languages = Open("languages.tsv");
        using var words = Open("words.tsv");
        using var ngrams = Open("ngrams.tsv");
        return Parse(languages, words, ngrams);
    }

    /// <summary>Parses the three TSV files; throws <see cref="InvalidDataException"/> naming the file and line of any mistake.</summary>
    public static LanguageProfiles Parse(TextReader languages, TextReader words, TextReader ngrams)
    {
        var codes = ParseLanguages(languages);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < codes.Length; i++)
        {
            index[codes[i]] = i;
        }

        var evidence = new List<Evidence>();
        var wordRows = ParseRows(words, "words.tsv", index, allowNeutral: true, ValidateWord);
        var ngramRows = ParseRows(ngrams, "ngrams.tsv", index, allowNeutral: false, ValidateNgram);

        var wordTable = new Dictionary<string, EvidenceRange>(StringComparer.Ordinal);
        foreach (var (word, weights) in wordRows)
        {
            wordTable[word] = Append(evidence, weights);
        }

        var ngramTable = new Dictionary<ulong, EvidenceRange>();
        foreach (var (ngram, weights) in ngramRows)
        {
            ngramTable[NgramTable.Pack(ngram)] = Append(evidence, weights);
        }

        return new LanguageProfiles(
            codes,
            [.. evidence],
            wordTable.ToFrozenDictionary(StringComparer.Ordinal),
            new NgramTable(ngramTable));
    }

    private static EvidenceRange Append(List<Evidence> evidence, List<Evidence> weights)
    {
        var start = evidence.Count;
        evidence.AddRange(weights);
        return new EvidenceRange(start, weights.Count);
    }

    private static string[] ParseLanguages(TextReader reader)
    {
        var codes = new List<string>();
        foreach (var (line, columns) in Rows(reader))
        {
            var code = columns[0];
            if (columns.Length != 2 || code.Length != 2 || !code.All(char.IsAsciiLetterLower))
            {
                throw Invalid("languages.tsv", line, "expected 'code<TAB>name' with a two-letter lowercase ISO 639-1 code");
            }

            if (codes.Contains(code))
            {
                throw Invalid("languages.tsv", line, $"language '{code}' is listed twice");
            }

            codes.Add(code);
        }

        if (codes.Count is 0 or > MaxLanguages)
        {
            throw Invalid("languages.tsv", 0, $"expected 1 to {MaxLanguages} languages, found {codes.Count}");
        }

        return [.. codes];
    }

    private static Dictionary<string, List<Evidence>> ParseRows(
        TextReader reader, string file, Dictionary<string, int> languages, bool allowNeutral, Func<string, string?> validate)
    {
        var rows = new Dictionary<string, List<Evidence>>(StringComparer.Ordinal);
        foreach (var (line, columns) in Rows(reader))
        {
            if (columns.Length != 3)
            {
                throw Invalid(file, line, "expected 'language<TAB>weight<TAB>items separated by spaces'");
            }

            var neutral = allowNeutral && columns[0] == NeutralCode;
            if (!neutral && !languages.ContainsKey(columns[0]))
            {
                throw Invalid(file, line, $"unknown language '{columns[0]}' (not in languages.tsv)");
            }

            if (!float.TryParse(columns[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var weight)
                || (neutral ? weight != 0 : weight is <= 0 or > 10))
            {
                throw Invalid(file, line, neutral ? "neutral rows have weight 0" : "weight must be a number in (0, 10]");
            }

            foreach (var item in columns[2].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (validate(item) is { } problem)
                {
                    throw Invalid(file, line, $"'{item}': {problem}");
                }

                if (!rows.TryGetValue(item, out var weights))
                {
                    rows[item] = weights = [];
                }

                if (neutral)
                {
                    continue;
                }

                var language = languages[columns[0]];
                if (weights.Exists(e => e.Language == language))
                {
                    throw Invalid(file, line, $"'{item}' is listed twice for '{columns[0]}'");
                }

                weights.Add(new Evidence(language, weight));
            }
        }

        return rows;
    }

    private static IEnumerable<(int Line, string[] Columns)> Rows(TextReader reader)
    {
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line) || line[0] == '#')
            {
                continue;
            }

            yield return (number, line.Split('\t'));
        }
    }

    private static string? ValidateWord(string word)
    {
        if (word.Length > MaxWordLength)
        {
            return $"longer than {MaxWordLength} chars";
        }

        foreach (var c in word)
        {
            if (!(char.IsLetter(c) || c == '\'') || char.ToLowerInvariant(c) != c)
            {
                return "words are lowercase letters and apostrophes (')";
            }
        }

        return null;
    }

    private static string? ValidateNgram(string ngram)
    {
        if (ngram.Length is 0 or > NgramTable.MaxLength)
        {
            return $"n-grams have 1 to {NgramTable.MaxLength} chars";
        }

        if (ngram.Length == 1 && !char.IsLetter(ngram[0]))
        {
            // A lone non-letter is a punctuation cue such as '¿'; the detector checks non-ASCII symbols between words.
            return ngram[0] is '_' or <= '\x7F' ? "a punctuation cue must be a non-ASCII symbol" : null;
        }

        for (var i = 0; i < ngram.Length; i++)
        {
            var c = ngram[i];
            var boundary = c == '_' && (i == 0 || i == ngram.Length - 1) && ngram.Length > 1;
            if (!boundary && (!char.IsLetter(c) || char.ToLowerInvariant(c) != c))
            {
                return "n-grams are lowercase letters, with '_' only as a leading or trailing word boundary";
            }
        }

        return null;
    }

    private static InvalidDataException Invalid(string file, int line, string message) =>
        new($"{file}{(line > 0 ? $" line {line}" : "")}: {message}.");
}
