using System.Globalization;
using System.Text;
using Rapport.Desk.Conversations;

namespace Rapport.Desk.Importing;

/// <summary>
/// Turns a line's raw field values into a validated <see cref="ImportRecord"/>, or the reasons it is rejected (every
/// failing field, in field order). Shared by the JSON-lines and CSV readers so both formats accept the same lines.
/// </summary>
public static class ImportRecordParser
{
    private static readonly int FieldCount = System.Enum.GetValues<ImportField>().Length;

    /// <summary>The number of raw values <see cref="Parse"/> expects, indexed by <see cref="ImportField"/>.</summary>
    public static int Fields => FieldCount;

    /// <param name="line">The line number, for the result.</param>
    /// <param name="values">Raw values indexed by <see cref="ImportField"/>; null or empty means absent.</param>
    /// <param name="labels">Labels given as a list (JSON arrays); otherwise the Labels value is split at commas and semicolons.</param>
    public static ImportLine Parse(int line, IReadOnlyList<string?> values, IReadOnlyList<string>? labels = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != FieldCount)
        {
            throw new ArgumentException($"Expected {FieldCount} values.", nameof(values));
        }

        var errors = new List<string>();
        var key = Text(errors, ImportField.Conversation, values, required: true, ImportLimits.MaxKeyLength, singleLine: true);
        var email = Text(errors, ImportField.CustomerEmail, values, required: false, ImportLimits.MaxEmailLength, singleLine: true);
        if (email is not null && (!email.Contains('@', StringComparison.Ordinal) || email.Any(char.IsWhiteSpace)))
        {
            errors.Add($"'customerEmail' is not an e-mail address");
            email = null;
        }

        // A customer known only by e-mail is named by it.
        var name = Text(errors, ImportField.Customer, values, required: email is null, ImportLimits.MaxNameLength, singleLine: true) ?? email;
        var author = Enum<MessageAuthor>(errors, ImportField.Author, values);
        var timestamp = Timestamp(errors, values[(int)ImportField.Timestamp]);
        var channel = Enum<Channel>(errors, ImportField.Channel, values);
        var text = Text(errors, ImportField.Text, values, required: true, ImportLimits.MaxTextLength, singleLine: false);
        var externalId = Text(errors, ImportField.ExternalId, values, required: false, ImportLimits.MaxKeyLength, singleLine: true);
        var subject = Text(errors, ImportField.Subject, values, required: false, ImportLimits.MaxSubjectLength, singleLine: true);
        var agentEmail = Text(errors, ImportField.AgentEmail, values, required: false, ImportLimits.MaxEmailLength, singleLine: true);
        var labelList = Labels(errors, labels ?? Split(values[(int)ImportField.Labels]));
        if (errors.Count > 0 || key is null || name is null || author is not { } a || timestamp is not { } at || channel is not { } ch || text is null)
        {
            return ImportLine.Rejected(line, string.Join("; ", errors));
        }

        if (externalId is not null && externalId.StartsWith(ImportExternalIds.Prefix, StringComparison.Ordinal))
        {
            return ImportLine.Rejected(line, $"'externalId' must not start with '{ImportExternalIds.Prefix}' (reserved for derived ids)");
        }

        return ImportLine.Accepted(line, new ImportRecord(
            key, name, email, a, at, ch, text,
            externalId ?? ImportExternalIds.Derive(key, at, a, text),
            subject, agentEmail, labelList));
    }

    private static string? Text(List<string> errors, ImportField field, IReadOnlyList<string?> values, bool required, int maxLength, bool singleLine)
    {
        var value = values[(int)field];
        var name = Name(field);
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(value is null ? $"'{name}' is missing" : $"'{name}' is empty");
            }

            return null;
        }

        if (value.Length > maxLength)
        {
            errors.Add($"'{name}' is {value.Length} characters; the limit is {maxLength}");
            return null;
        }

        // Tabs and line breaks are text; other control characters are not (they break terminals, logs and exports).
        foreach (var ch in value)
        {
            if (ch < ' ' && (singleLine || ch is not '\t' and not '\r' and not '\n'))
            {
                errors.Add($"'{name}' contains a control character (U+{(int)ch:X4})");
                return null;
            }
        }

        return singleLine ? value.Trim() : value;
    }

    private static TEnum? Enum<TEnum>(List<string> errors, ImportField field, IReadOnlyList<string?> values)
        where TEnum : struct, Enum
    {
        var value = values[(int)field]?.Trim();
        var name = Name(field);
        var names = string.Join(", ", System.Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()));
        if (string.IsNullOrEmpty(value))
        {
            errors.Add($"'{name}' is missing: use one of {names}");
            return null;
        }

        if (value.All(char.IsAsciiLetter) && System.Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed))
        {
            return parsed;
        }

        errors.Add($"'{Shorten(value)}' is not a valid {name}: use one of {names}");
        return null;
    }

    /// <summary>ISO 8601 with a date, a time and, optionally, an offset (UTC when none).</summary>
    private static DateTimeOffset? Timestamp(List<string> errors, string? value)
    {
        value = value?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            errors.Add("'timestamp' is missing: use ISO 8601, e.g. 2026-03-01T09:30:00Z");
            return null;
        }

        // The shape check keeps culture-specific forms ("03/01/2026") out: only yyyy-MM-ddTHH:mm... is accepted.
        if (value.Length >= 16 && char.IsAsciiDigit(value[0]) && value[4] == '-' && value[7] == '-' && value[10] is 'T' or 't' or ' '
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            && parsed.Year is >= 1970 and <= 9999)
        {
            // UTC: PostgreSQL's timestamptz takes only offset 0 from Npgsql; microseconds are the finest it keeps.
            var utc = parsed.ToUniversalTime();
            return utc.AddTicks(-(utc.Ticks % 10));
        }

        errors.Add($"'{Shorten(value)}' is not an ISO 8601 timestamp (e.g. 2026-03-01T09:30:00Z)");
        return null;
    }

    private static List<string> Labels(List<string> errors, IReadOnlyList<string> labels)
    {
        var result = new List<string>(labels.Count);
        foreach (var raw in labels)
        {
            var label = raw.Trim();
            if (label.Length == 0 || result.Contains(label, StringComparer.Ordinal))
            {
                continue;
            }

            if (label.Length > ImportLimits.MaxLabelLength || label.Any(char.IsControl))
            {
                errors.Add($"label '{Shorten(label)}' is too long or contains a control character (at most {ImportLimits.MaxLabelLength} characters)");
                continue;
            }

            result.Add(label);
        }

        if (result.Count > ImportLimits.MaxLabels)
        {
            errors.Add($"'labels' has {result.Count} labels; the limit is {ImportLimits.MaxLabels}");
        }

        return result;
    }

    private static string[] Split(string? labels) =>
        string.IsNullOrWhiteSpace(labels) ? [] : labels.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The field's name as it is spelled in files: camelCase.</summary>
    public static string Name(ImportField field)
    {
        var name = field.ToString();
        return string.Concat(name[..1].ToLowerInvariant(), name.AsSpan(1));
    }

    /// <summary>Echoes at most 40 characters of a bad value, without control characters.</summary>
    private static string Shorten(string value)
    {
        var builder = new StringBuilder(Math.Min(value.Length, 41));
        foreach (var ch in value.Length > 40 ? value[..40] : value)
        {
            builder.Append(char.IsControl(ch) ? '?' : ch);
        }

        return value.Length > 40 ? builder.Append('…').ToString() : builder.ToString();
    }
}
