using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Rapport.Core.Assistant;

/// <summary>
/// The checkable facts in a text: URLs, e-mail addresses, phone numbers, dates, times, percentages, amounts of money,
/// durations and bare numbers, each normalised ("$25.00" and "USD 25" are both <c>money:usd:25</c>; "3–5 working days"
/// gives <c>duration:3:day</c> and <c>duration:5:day</c>) so the guard can ask whether a reply's fact appears in a
/// passage however either was written. Numbers written as words ("three") are not facts here; the guard's word-overlap
/// rule covers them.
/// </summary>
internal sealed partial class ReplyFacts
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private ReplyFacts(HashSet<string> typed, HashSet<string> numbers)
    {
        Typed = typed;
        Numbers = numbers;
    }

    /// <summary>Every fact found, typed (<c>url:</c>, <c>email:</c>, <c>phone:</c>, <c>date:</c>, <c>time:</c>,
    /// <c>percent:</c>, <c>money:</c>, <c>duration:</c>, <c>number:</c>).</summary>
    public HashSet<string> Typed { get; }

    /// <summary>Every number in the text, wherever it stood (inside an amount, a date, a range): a bare number in a reply
    /// is supported by any of them.</summary>
    public HashSet<string> Numbers { get; }

    /// <summary>The facts in <paramref name="text"/> (Markdown emphasis is ignored).</summary>
    public static ReplyFacts Of(string text)
    {
        var typed = new HashSet<string>(StringComparer.Ordinal);
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        var rest = new StringBuilder(text.Replace("**", "", StringComparison.Ordinal).Replace("__", "", StringComparison.Ordinal));

        foreach (Match m in AnyNumber().Matches(rest.ToString()))
        {
            numbers.Add(Number(m.Value));
        }

        Take(rest, Url(), m => "url:" + m.Value.TrimEnd('.', ',', ';', ':', '!', '?', ')', ']', '"', '\'', '/').ToLowerInvariant(), typed);
        Take(rest, Email(), m => "email:" + m.Value.ToLowerInvariant(), typed);
        Take(rest, IsoDate(), m => "date:" + m.Value, typed);
        Take(rest, SlashDate(), m => "date:" + m.Value, typed);
        Take(rest, MonthDay(), m => "date:" + MonthKey(m.Groups["month"].Value) + ":" + Number(m.Groups["day"].Value), typed);
        Take(rest, DayMonth(), m => "date:" + MonthKey(m.Groups["month"].Value) + ":" + Number(m.Groups["day"].Value), typed);
        Take(rest, Phone(), m => Digits(m.Value) is { Length: >= 7 } digits ? "phone:" + digits : null, typed);
        Take(rest, Time(), TimeKey, typed);
        Take(rest, Percent(), m => "percent:" + Number(m.Groups["n"].Value), typed);
        Take(rest, MoneyBefore(), m => "money:" + Currency(m.Groups["cur"].Value) + ":" + Amount(m.Groups["n"].Value), typed);
        Take(rest, MoneyAfter(), m => "money:" + Currency(m.Groups["cur"].Value) + ":" + Amount(m.Groups["n"].Value), typed);
        foreach (Match m in Duration().Matches(rest.ToString()))
        {
            var unit = Unit(m.Groups["unit"].Value);
            typed.Add("duration:" + Number(m.Groups["a"].Value) + ":" + unit);
            if (m.Groups["b"].Success)
            {
                typed.Add("duration:" + Number(m.Groups["b"].Value) + ":" + unit);
            }

            Blank(rest, m);
        }

        foreach (Match m in AnyNumber().Matches(rest.ToString()))
        {
            typed.Add("number:" + Number(m.Value));
        }

        return new ReplyFacts(typed, numbers);
    }

    /// <summary>True when <paramref name="fact"/> (one of another text's <see cref="Typed"/>) is stated here.</summary>
    public bool Supports(string fact) =>
        Typed.Contains(fact) || (fact.StartsWith("number:", StringComparison.Ordinal) && Numbers.Contains(fact["number:".Length..]));

    private static void Take(StringBuilder text, Regex regex, Func<Match, string?> key, HashSet<string> into)
    {
        foreach (Match m in regex.Matches(text.ToString()))
        {
            if (key(m) is { } k)
            {
                into.Add(k);
                Blank(text, m);
            }
        }
    }

    // Blanks a match out (same length, so later offsets hold) so its digits are not read again as bare numbers.
    private static void Blank(StringBuilder text, Match m)
    {
        for (var i = m.Index; i < m.Index + m.Length; i++)
        {
            text[i] = ' ';
        }
    }

    private static string Digits(string value) => new([.. value.Where(char.IsAsciiDigit)]);

    // "1,250" and "1250" are the same number; "3.0" stays "3.0" (a version, a decimal: compared as written).
    private static string Number(string value) => ThousandsSeparator().Replace(value, "").TrimStart('0') is { Length: > 0 } n ? n : "0";

    private static string Amount(string value)
    {
        var plain = ThousandsSeparator().Replace(value, "");
        return decimal.TryParse(plain, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)
            ? d.ToString("0.##", CultureInfo.InvariantCulture)
            : plain;
    }

    private static string Currency(string value) => value.ToLowerInvariant() switch
    {
        "$" or "usd" or "dollar" or "dollars" => "usd",
        "€" or "eur" or "euro" or "euros" => "eur",
        "£" or "gbp" or "pound" or "pounds" => "gbp",
        "¥" or "jpy" or "yen" => "jpy",
        var other => other,
    };

    private static string Unit(string value)
    {
        var unit = value.ToLowerInvariant();
        return unit switch
        {
            "min" or "mins" => "minute",
            "hr" or "hrs" => "hour",
            "sec" or "secs" => "second",
            _ => unit.EndsWith('s') ? unit[..^1] : unit,
        };
    }

    private static string MonthKey(string month) => Months[Array.IndexOf(Months, month[..3].ToLowerInvariant())];

    private static string? TimeKey(Match m)
    {
        var hour = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        var half = m.Groups["ampm"].Value.Replace(".", "", StringComparison.Ordinal).ToLowerInvariant();
        if (half == "pm" && hour < 12)
        {
            hour += 12;
        }
        else if (half == "am" && hour == 12)
        {
            hour = 0;
        }

        return string.Create(CultureInfo.InvariantCulture, $"time:{hour:00}:{minute:00}");
    }

    [GeneratedRegex(@"\d+(?:,\d{3})*(?:\.\d+)?", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex AnyNumber();

    [GeneratedRegex(@"(?<=\d),(?=\d{3})", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex ThousandsSeparator();

    [GeneratedRegex(@"\b(?:https?://|www\.)[^\s<>""()\[\]]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Url();

    [GeneratedRegex(@"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Email();

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex SlashDate();

    private const string MonthNames = @"(?<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

    [GeneratedRegex(@"\b" + MonthNames + @"\.?\s+(?<day>\d{1,2})(?:st|nd|rd|th)?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex MonthDay();

    [GeneratedRegex(@"\b(?<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + MonthNames + @"\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex DayMonth();

    [GeneratedRegex(@"(?<![\w.])\+?\(?\d{1,4}\)?(?:[\s.-]?\(?\d{2,4}\)?){2,5}(?![\w])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Phone();

    [GeneratedRegex(@"\b(?<h>\d{1,2})(?::(?<m>\d{2}))?\s?(?<ampm>[ap]\.?m\.?)(?![a-z])|\b(?<h>\d{1,2}):(?<m>\d{2})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Time();

    [GeneratedRegex(@"(?<n>\d+(?:\.\d+)?)\s?(?:%|percent\b|per\s+cent\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Percent();

    [GeneratedRegex(@"(?<cur>[$€£¥]|\b(?:USD|EUR|GBP|JPY))\s?(?<n>\d+(?:,\d{3})*(?:\.\d+)?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex MoneyBefore();

    [GeneratedRegex(@"(?<n>\d+(?:,\d{3})*(?:\.\d+)?)\s?(?<cur>USD|EUR|GBP|JPY|dollars?|euros?|pounds?|yen)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex MoneyAfter();

    [GeneratedRegex(
        @"\b(?<a>\d+(?:\.\d+)?)(?:\s?(?:-|–|—|to)\s?(?<b>\d+(?:\.\d+)?))?\s*(?:(?:working|business|calendar|full|more)\s+)?(?<unit>seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Duration();
}
