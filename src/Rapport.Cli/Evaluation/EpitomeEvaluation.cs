using System.Globalization;
using System.Text;
using Rapport.Core.Coaching;

namespace Rapport.Cli.Evaluation;

/// <summary>
/// Confusion matrices (gold level × predicted level, 3×3, indexed by <see cref="MechanismLevel"/>) of the three
/// empathy mechanisms over an EPITOME file.
/// </summary>
/// <param name="Rows">Rows evaluated.</param>
/// <param name="EmotionalReactions">Emotional reactions: [gold, predicted].</param>
/// <param name="Interpretations">Interpretations: [gold, predicted].</param>
/// <param name="Explorations">Explorations: [gold, predicted].</param>
public sealed record EpitomeResult(int Rows, int[,] EmotionalReactions, int[,] Interpretations, int[,] Explorations);

/// <summary>One labelled EPITOME row.</summary>
/// <param name="Line">Line of the file on which the row starts.</param>
/// <param name="SeekerPost">What the seeker wrote.</param>
/// <param name="ResponsePost">The response being rated.</param>
/// <param name="EmotionalReactions">Gold level of emotional reactions.</param>
/// <param name="Interpretations">Gold level of interpretations.</param>
/// <param name="Explorations">Gold level of explorations.</param>
/// <param name="Split">The <c>suggested_split</c> column, when the file has one.</param>
internal sealed record EpitomeRow(
    int Line, string SeekerPost, string ResponsePost,
    MechanismLevel EmotionalReactions, MechanismLevel Interpretations, MechanismLevel Explorations, string? Split);

/// <summary>
/// Evaluates <see cref="EmpathyMechanismDetector"/> on EPITOME (Sharma et al., EMNLP 2020) in its CSV form:
/// RFC 4180 quoting, columns found by header name (seeker_post, response_post, ER_level, IP_level, EX_level).
/// </summary>
internal static class EpitomeEvaluation
{
    private static readonly string[] RequiredColumns = ["seeker_post", "response_post", "ER_level", "IP_level", "EX_level"];

    /// <summary>Rates every response and counts gold × predicted levels per mechanism.</summary>
    /// <exception cref="FormatException">A row is malformed; the message names <paramref name="fileName"/> and the line.</exception>
    public static EpitomeResult Evaluate(TextReader reader, string fileName, CancellationToken cancellationToken)
    {
        var detector = EmpathyMechanismDetector.Default;
        var emotional = new int[3, 3];
        var interpretation = new int[3, 3];
        var exploration = new int[3, 3];
        var rows = 0;
        foreach (var row in ReadRows(reader, fileName, cancellationToken))
        {
            var predicted = detector.Detect(row.ResponsePost, row.SeekerPost);
            emotional[(int)row.EmotionalReactions, (int)predicted.EmotionalReactions]++;
            interpretation[(int)row.Interpretations, (int)predicted.Interpretations]++;
            exploration[(int)row.Explorations, (int)predicted.Explorations]++;
            rows++;
        }

        return new EpitomeResult(rows, emotional, interpretation, exploration);
    }

    /// <summary>Reads the labelled rows of an EPITOME CSV file.</summary>
    /// <exception cref="FormatException">A row is malformed; the message names <paramref name="fileName"/> and the line.</exception>
    public static IEnumerable<EpitomeRow> ReadRows(TextReader reader, string fileName, CancellationToken cancellationToken)
    {
        var csv = new CsvReader(reader, fileName);
        var header = csv.ReadRecord(out _) ?? throw new FormatException($"{fileName}(1): the file is empty.");
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
        {
            index.TryAdd(header[i].Trim(), i);
        }

        foreach (var column in RequiredColumns)
        {
            if (!index.ContainsKey(column))
            {
                throw new FormatException($"{fileName}(1): the header has no column '{column}'.");
            }
        }

        var split = index.GetValueOrDefault("suggested_split", -1);
        while (csv.ReadRecord(out var line) is { } fields)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (fields is [""])
            {
                continue; // a blank line
            }

            if (fields.Count != header.Count)
            {
                throw new FormatException($"{fileName}({line}): expected {header.Count} fields, found {fields.Count}.");
            }

            yield return new EpitomeRow(
                line,
                fields[index["seeker_post"]],
                fields[index["response_post"]],
                Level(fields[index["ER_level"]], "ER_level", fileName, line),
                Level(fields[index["IP_level"]], "IP_level", fileName, line),
                Level(fields[index["EX_level"]], "EX_level", fileName, line),
                split >= 0 ? fields[split] : null);
        }
    }

    private static MechanismLevel Level(string field, string column, string fileName, int line) =>
        int.TryParse(field.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var level) && level is >= 0 and <= 2
            ? (MechanismLevel)level
            : throw new FormatException($"{fileName}({line}): {column} is '{field}', not 0, 1 or 2.");

    /// <summary>An RFC 4180 record reader: quoted fields may hold separators, line breaks and doubled quotes.</summary>
    private sealed class CsvReader(TextReader reader, string fileName)
    {
        private readonly StringBuilder _field = new();
        private int _line = 1;

        /// <summary>Reads the next record, or null at the end of the input; <paramref name="startLine"/> is where it starts.</summary>
        public List<string>? ReadRecord(out int startLine)
        {
            startLine = _line;
            if (reader.Peek() < 0)
            {
                return null;
            }

            var fields = new List<string>();
            _field.Clear();
            var quoted = false;
            var afterQuote = false;
            while (true)
            {
                var c = reader.Read();
                if (quoted)
                {
                    if (c < 0)
                    {
                        throw new FormatException($"{fileName}({startLine}): a quoted field is not closed.");
                    }

                    if (c == '"')
                    {
                        if (reader.Peek() == '"')
                        {
                            reader.Read();
                            _field.Append('"');
                        }
                        else
                        {
                            quoted = false;
                            afterQuote = true;
                        }

                        continue;
                    }

                    if (c == '\n')
                    {
                        _line++;
                    }

                    _field.Append((char)c);
                    continue;
                }

                switch (c)
                {
                    case ',':
                        fields.Add(_field.ToString());
                        _field.Clear();
                        afterQuote = false;
                        break;
                    case '"' when _field.Length == 0 && !afterQuote:
                        quoted = true;
                        break;
                    case '"':
                        throw new FormatException($"{fileName}({_line}): a quote inside an unquoted field.");
                    case '\r' when reader.Peek() == '\n':
                        break;
                    case '\n' or '\r' or -1:
                        if (c >= 0)
                        {
                            _line++;
                        }

                        fields.Add(_field.ToString());
                        return fields;
                    default:
                        if (afterQuote)
                        {
                            throw new FormatException($"{fileName}({_line}): text after a closing quote.");
                        }

                        _field.Append((char)c);
                        break;
                }
            }
        }
    }
}
