using System.Text.Json;
using System.Text.RegularExpressions;
using Rapport.Core.Coaching;
using Rapport.Core.Emotions;

namespace Rapport.Core.Training;

/// <summary>
/// Reads and validates one scenario file (JSON, format in docs/training-scenarios.md). Every problem is reported as
/// <see cref="InvalidDataException"/> naming the file and the field.
/// </summary>
internal static partial class ScenarioReader
{
    /// <summary>Moves every scenario must phrase itself (at least two lines each); the others may use the shared voice.</summary>
    public static readonly CustomerMove[] RequiredMoves =
        [CustomerMove.Opening, CustomerMove.Calmer, CustomerMove.Angrier, CustomerMove.Resolved, CustomerMove.Leaving, CustomerMove.Manager];

    public const int MaxTurnLimit = 12;

    public static Scenario Parse(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{source}: not valid JSON: {exception.Message}", exception);
        }

        using (document)
        {
            var reader = new Fields(document.RootElement, source, "");
            var persona = reader.Object("persona");
            var emotionName = reader.String("emotion");
            if (!EmotionNames.TryParse(emotionName, out var emotion))
            {
                throw reader.Error("emotion", $"unknown emotion '{emotionName}'");
            }

            var details = reader.Object("details").StringMap();
            var scenario = new Scenario(
                reader.String("id"),
                reader.String("title"),
                new ScenarioPersona(persona.String("name"), persona.String("situation"), persona.String("temperament")),
                emotion,
                reader.Number("intensity", 0, 1),
                (int)reader.Number("patience", 1, 10),
                (int)reader.Number("turnLimit", 2, MaxTurnLimit),
                reader.Number("calmAt", 0.05, 0.8, TrainingRules.DefaultCalmAt),
                reader.Bool("atFault"),
                reader.String("problem"),
                details,
                [.. reader.Array("facts").Select(f => new ScenarioFact(
                    f.String("id"), f.String("topic"), f.String("fact"), f.Strings("askedBy", 1), f.Strings("lines", 2)))],
                [.. reader.Array("resolution").Select(r => new ResolutionItem(
                    r.String("id"), r.String("offer"), r.Strings("keywords", 1), r.String("ask")))],
                reader.Strings("calmedBy", 0),
                reader.Strings("escalatedBy", 0),
                [.. reader.Strings("targets", 1).Select(t => Enum.TryParse<Practice>(t, ignoreCase: true, out var p)
                    ? p : throw reader.Error("targets", $"unknown practice '{t}'"))],
                reader.Object("lines").Lines());
            Validate(scenario, source);
            return scenario;
        }
    }

    /// <summary>
    /// Checks a scenario built in memory (e.g. one generated from a conversation) by the rules a file must meet:
    /// the ranges and counts the JSON reader enforces, then <see cref="Validate"/>.
    /// </summary>
    public static void ValidateInMemory(Scenario scenario, string source)
    {
        InvalidDataException Error(string message) => new($"{source}: {message}");
        static bool Blank(string? text) => string.IsNullOrWhiteSpace(text) || text.Trim().Length != text.Length;

        if (Blank(scenario.Id) || Blank(scenario.Title) || Blank(scenario.Problem) || Blank(scenario.Persona.Name)
            || Blank(scenario.Persona.Situation) || Blank(scenario.Persona.Temperament))
        {
            throw Error("id, title, problem and persona fields must be non-empty and trimmed");
        }

        if (!Enum.IsDefined(scenario.Emotion) || scenario.Intensity is < 0 or > 1 || scenario.Patience is < 1 or > 10
            || scenario.TurnLimit is < 2 or > MaxTurnLimit || scenario.CalmAt is < 0.05 or > 0.8)
        {
            throw Error("emotion, intensity (0-1), patience (1-10), turnLimit (2-12) or calmAt (0.05-0.8) out of range");
        }

        if (scenario.Targets.Count == 0 || scenario.Targets.Any(t => !Enum.IsDefined(t)))
        {
            throw Error("targets: needs at least one known practice");
        }

        var strings = scenario.Details.Values
            .Concat(scenario.Facts.SelectMany(f => f.AskedBy.Concat(f.Lines).Append(f.Id).Append(f.Topic).Append(f.Fact)))
            .Concat(scenario.Resolution.SelectMany(r => r.Keywords.Append(r.Id).Append(r.Offer).Append(r.Ask)))
            .Concat(scenario.CalmedBy).Concat(scenario.EscalatedBy).Concat(scenario.Lines.Values.SelectMany(l => l));
        if (strings.Any(Blank) || scenario.Facts.Any(f => f.AskedBy.Count < 1 || f.Lines.Count < 2)
            || scenario.Resolution.Any(r => r.Keywords.Count < 1) || scenario.Lines.Values.Any(l => l.Count < 1))
        {
            throw Error("every string must be non-empty and trimmed; facts need askedBy (1+) and lines (2+), resolution items keywords (1+)");
        }

        Validate(scenario, source);
    }

    private static void Validate(Scenario scenario, string source)
    {
        InvalidDataException Error(string message) => new($"{source}: {message}");

        if (!IdPattern().IsMatch(scenario.Id))
        {
            throw Error($"id '{scenario.Id}' must be kebab-case (a-z, 0-9, -)");
        }

        if (scenario.Persona.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 0)
        {
            throw Error("persona.name is empty");
        }

        if (scenario.Facts.Count == 0 || scenario.Resolution.Count == 0)
        {
            throw Error("needs at least one fact and one resolution item");
        }

        Unique(scenario.Facts.Select(f => f.Id), "facts", Error);
        Unique(scenario.Resolution.Select(r => r.Id), "resolution", Error);
        foreach (var fact in scenario.Facts)
        {
            if (!TextMatch.ContainsAny(fact.Topic, fact.AskedBy))
            {
                throw Error($"facts.{fact.Id}: the topic \"{fact.Topic}\" must contain one of its askedBy phrases, so asking about it reveals it");
            }

            CheckPlaceholders(fact.Lines, scenario, $"facts.{fact.Id}.lines", allowMissing: false, Error);
        }

        foreach (var item in scenario.Resolution)
        {
            CheckPlaceholders([item.Ask], scenario, $"resolution.{item.Id}.ask", allowMissing: false, Error);
            if (!TextMatch.ContainsAny(item.Offer, item.Keywords))
            {
                throw Error($"resolution.{item.Id}: the offer \"{item.Offer}\" must contain one of its keywords");
            }
        }

        foreach (var move in RequiredMoves)
        {
            if (!scenario.Lines.TryGetValue(move, out var lines) || lines.Count < 2)
            {
                throw Error($"lines.{MoveName(move)} needs at least two phrasings");
            }
        }

        foreach (var (move, lines) in scenario.Lines)
        {
            CheckPlaceholders(lines, scenario, $"lines.{MoveName(move)}", allowMissing: move == CustomerMove.Missing, Error);
        }
    }

    private static void CheckPlaceholders(IEnumerable<string> lines, Scenario scenario, string field, bool allowMissing, Func<string, InvalidDataException> error)
    {
        foreach (var line in lines)
        {
            foreach (Match match in PlaceholderPattern().Matches(line))
            {
                var key = match.Groups[1].Value;
                if (!scenario.Details.ContainsKey(key) && !(allowMissing && key == "missing"))
                {
                    throw error($"{field}: placeholder {{{key}}} is not in details");
                }
            }
        }
    }

    private static void Unique(IEnumerable<string> ids, string field, Func<string, InvalidDataException> error)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (!seen.Add(id))
            {
                throw error($"{field}: duplicate id '{id}'");
            }
        }
    }

    public static string MoveName(CustomerMove move) => move.ToString().ToLowerInvariant();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant, 100)]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"\{([a-zA-Z]+)\}", RegexOptions.CultureInvariant, 100)]
    public static partial Regex PlaceholderPattern();

    /// <summary>Typed access to a JSON object's fields with errors that name the file and the field path.</summary>
    private readonly struct Fields(JsonElement element, string source, string path)
    {
        public InvalidDataException Error(string field, string message) => new($"{source}: {path}{field}: {message}");

        private JsonElement Get(string field, JsonValueKind kind)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(field, out var value))
            {
                throw Error(field, "is required");
            }

            return value.ValueKind == kind ? value : throw Error(field, $"must be {kind.ToString().ToLowerInvariant()}");
        }

        public string String(string field)
        {
            var text = Get(field, JsonValueKind.String).GetString();
            return string.IsNullOrWhiteSpace(text) ? throw Error(field, "must not be empty") : text.Trim();
        }

        public bool Bool(string field) =>
            element.TryGetProperty(field, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? value.GetBoolean()
                : throw Error(field, "is required and must be true or false");

        public double Number(string field, double min, double max, double? fallback = null)
        {
            if (fallback is not null && !element.TryGetProperty(field, out _))
            {
                return fallback.Value;
            }

            var value = Get(field, JsonValueKind.Number).GetDouble();
            return value >= min && value <= max ? value : throw Error(field, $"must be between {min} and {max}");
        }

        public Fields Object(string field) => new(Get(field, JsonValueKind.Object), source, $"{path}{field}.");

        public List<Fields> Array(string field)
        {
            var array = Get(field, JsonValueKind.Array);
            var items = new List<Fields>();
            var i = 0;
            foreach (var item in array.EnumerateArray())
            {
                items.Add(new Fields(item, source, $"{path}{field}[{i++}]."));
            }

            return items;
        }

        public List<string> Strings(string field, int min)
        {
            if (min == 0 && !element.TryGetProperty(field, out _))
            {
                return [];
            }

            var list = new List<string>();
            foreach (var item in Get(field, JsonValueKind.Array).EnumerateArray())
            {
                var text = item.ValueKind == JsonValueKind.String ? item.GetString() : null;
                list.Add(string.IsNullOrWhiteSpace(text) ? throw Error(field, "must hold non-empty strings") : text.Trim());
            }

            return list.Count >= min ? list : throw Error(field, $"needs at least {min}");
        }

        public Dictionary<string, string> StringMap()
        {
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in element.EnumerateObject())
            {
                map[property.Name] = property.Value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(property.Value.GetString())
                    ? property.Value.GetString()!.Trim()
                    : throw Error(property.Name, "must be a non-empty string");
            }

            return map;
        }

        public Dictionary<CustomerMove, IReadOnlyList<string>> Lines()
        {
            var lines = new Dictionary<CustomerMove, IReadOnlyList<string>>();
            foreach (var property in element.EnumerateObject())
            {
                if (!Enum.TryParse<CustomerMove>(property.Name, ignoreCase: true, out var move) || int.TryParse(property.Name, out _))
                {
                    throw Error(property.Name, "unknown move (opening, calmer, angrier, steady, missing, resolved, leaving, manager)");
                }

                lines[move] = Strings(property.Name, 1);
            }

            return lines;
        }
    }
}
