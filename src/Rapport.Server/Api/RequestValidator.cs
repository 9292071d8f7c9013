using Microsoft.AspNetCore.Http.HttpResults;

namespace Rapport.Server.Api;

/// <summary>Collects field-level validation messages for one request; <see cref="Problem"/> answers 400 with all of them.</summary>
internal sealed class RequestValidator
{
    /// <summary>The engine reads up to 32,768 characters; longer text is refused rather than silently cut.</summary>
    public const int MaxTextLength = 32_768;

    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
    }

    /// <summary>Checks a text field: present when <paramref name="required"/>, not blank, not too long, no control characters.</summary>
    public string? Text(string field, string? value, bool required, int maxLength = MaxTextLength)
    {
        if (value is null)
        {
            if (required)
            {
                Add(field, $"'{field}' is required.");
            }

            return null;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, $"'{field}' must not be empty.");
            return null;
        }

        if (value.Length > maxLength)
        {
            Add(field, $"'{field}' is {value.Length} characters; the limit is {maxLength}.");
            return null;
        }

        // Tabs and line breaks are text; other control characters are not (they break terminals, logs and exports).
        foreach (var ch in value)
        {
            if (ch < ' ' && ch is not '\t' and not '\r' and not '\n')
            {
                Add(field, $"'{field}' contains a control character (U+{(int)ch:X4}).");
                return null;
            }
        }

        return value;
    }

    /// <summary>Parses an enum by name (any case): "email", "Open"...; numbers are refused.</summary>
    public TEnum? Enum<TEnum>(string field, string? value, bool required)
        where TEnum : struct, Enum
    {
        if (value is null)
        {
            if (required)
            {
                Add(field, $"'{field}' is required: one of {Names<TEnum>()}.");
            }

            return null;
        }

        if (value.Length > 0 && value.All(char.IsAsciiLetter) && System.Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed))
        {
            return parsed;
        }

        Add(field, $"'{value}' is not a valid {field}: use one of {Names<TEnum>()}.");
        return null;
    }

    /// <summary>Checks and normalises labels (<see cref="Rapport.Desk.Conversations.ConversationLabels"/>): errors name
    /// <c>labels</c> or <c>labels[i]</c>; duplicates after normalising are dropped.</summary>
    public List<string> Labels(string field, IReadOnlyList<string?>? values)
    {
        var labels = new List<string>();
        if (values is null)
        {
            return labels;
        }

        if (values.Count > Rapport.Desk.Conversations.ConversationLabels.MaxCount)
        {
            Add(field, $"At most {Rapport.Desk.Conversations.ConversationLabels.MaxCount} labels; there are {values.Count}.");
            return labels;
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (Rapport.Desk.Conversations.ConversationLabels.Normalize(values[i], out var error) is { } label)
            {
                if (!labels.Contains(label, StringComparer.Ordinal))
                {
                    labels.Add(label);
                }
            }
            else
            {
                Add($"{field}[{i}]", error!);
            }
        }

        return labels;
    }

    public void Range(string field, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            Add(field, $"'{field}' must be between {min} and {max}.");
        }
    }

    /// <summary>The messages by field (the workspace shows them beside its inputs).</summary>
    public IReadOnlyDictionary<string, string[]> Errors => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    public ValidationProblem Problem() =>
        TypedResults.ValidationProblem(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));

    private static string Names<TEnum>()
        where TEnum : struct, Enum => string.Join(", ", System.Enum.GetNames<TEnum>().Select(n => Contracts.Json.CamelCase(n)));
}
