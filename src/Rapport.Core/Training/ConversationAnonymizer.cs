using System.Text;
using System.Text.RegularExpressions;
using Rapport.Core.Text;

namespace Rapport.Core.Training;

/// <summary>
/// Takes the personal data out of a resolved conversation's text for <see cref="ScenarioGenerator"/>: links, emails,
/// phone numbers, card-like digit runs and postal addresses become neutral placeholders ("[email]"), and the
/// customer's and agents' names become pseudonyms from a small pool, chosen by a hash of the conversation so that the
/// same conversation always gives the same persona. Order, ticket and case numbers are kept: they are case facts.
/// </summary>
internal sealed partial class ConversationAnonymizer
{
    private static readonly string[] FirstNames =
        ["Alex", "Jordan", "Robin", "Casey", "Morgan", "Taylor", "Jamie", "Riley", "Quinn", "Avery", "Sasha", "Rowan", "Kai", "Noor", "Elliot", "Harper"];

    private static readonly string[] LastNames =
        ["Marsh", "Okafor", "Lindqvist", "Novak", "Haddad", "Brennan", "Moreau", "Tanaka", "Osei", "Varga", "Castillo", "Whitfield"];

    private static readonly string[] AgentNames = ["Sam", "Dana", "Chris", "Terry", "Noel", "Jo", "Remy", "Lou"];

    private readonly List<(string Original, string Pseudonym)> _names = [];

    public ConversationAnonymizer(ResolvedConversation conversation)
    {
        var key = new StringBuilder().Append(conversation.Subject).Append('\n').Append(conversation.CustomerName).Append('\n').Append(conversation.Channel);
        foreach (var message in conversation.Messages)
        {
            key.Append('\n').Append(message.Author == ConversationAuthor.Agent ? 'A' : 'C').Append(message.Text);
        }

        Key = TextHash.Of(key.ToString());
        var originals = Words(conversation.CustomerName).Concat(conversation.AgentNames.SelectMany(Words)).ToList();
        var customerFirst = Pick(FirstNames, Key, originals);
        var customerLast = Pick(LastNames, Key >> 20, originals);
        var agent = Pick(AgentNames, Key >> 40, [.. originals, customerFirst]);
        CustomerName = $"{customerFirst} {customerLast}";

        // Whole names first, then each part, longest first, so that "Maria Lopez" is not half-replaced.
        var customerParts = Words(conversation.CustomerName);
        Add(conversation.CustomerName.Trim(), CustomerName);
        for (var i = 0; i < customerParts.Count; i++)
        {
            Add(customerParts[i], i == 0 ? customerFirst : customerLast);
        }

        foreach (var name in conversation.AgentNames.Where(n => !string.IsNullOrWhiteSpace(n)))
        {
            Add(name.Trim(), agent);
            foreach (var part in Words(name))
            {
                Add(part, agent);
            }
        }

        _names.Sort((a, b) => b.Original.Length.CompareTo(a.Original.Length));
        Pseudonyms = [customerFirst, customerLast, agent];
    }

    /// <summary>A stable hash of the whole conversation (subject, names, channel and every message).</summary>
    public ulong Key { get; }

    /// <summary>The customer's pseudonym, e.g. "Robin Novak".</summary>
    public string CustomerName { get; }

    /// <summary>Every pseudonym in use (customer first and last name, the agents' name).</summary>
    public IReadOnlyList<string> Pseudonyms { get; }

    /// <summary><paramref name="text"/> without personal data, on one line, braces turned into parentheses.</summary>
    public string Clean(string text)
    {
        text = UrlPattern().Replace(text, "[link]");
        text = EmailPattern().Replace(text, "[email]");
        text = AddressPattern().Replace(text, "[address]");
        text = PostcodePattern().Replace(text, "[address]");
        var current = text;
        text = DigitRunPattern().Replace(current, m => DigitRun(current, m));
        foreach (var (original, pseudonym) in _names)
        {
            text = ReplaceWord(text, original, pseudonym);
        }

        // Braces would read as scenario placeholders ({order}); whitespace runs and newlines become one space.
        text = text.Replace('{', '(').Replace('}', ')');
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static string DigitRun(string text, Match match)
    {
        var value = match.Value;
        var digits = value.Count(char.IsAsciiDigit);
        var before = text[Math.Max(0, match.Index - 30)..match.Index];
        if (CaseReferenceBefore().IsMatch(before) || DatePattern().IsMatch(value.Trim()))
        {
            return value; // a case fact ("order 20418833", a date), not personal
        }

        if (digits is >= 13 and <= 19 && value[0] is not '+' and not '(')
        {
            return "[card]";
        }

        return digits is >= 7 and <= 15 ? "[phone]" : value;
    }

    private void Add(string original, string pseudonym)
    {
        // Very short parts and names that are common English words ("Will", "May") are left alone: replacing them
        // everywhere would garble the text more than it would protect anyone.
        if (original.Length >= 2 && !FunctionWords.Contains(TextHash.Of(original)) && _names.TrueForAll(n => !n.Original.Equals(original, StringComparison.OrdinalIgnoreCase)))
        {
            _names.Add((original, pseudonym));
        }
    }

    private static List<string> Words(string name) =>
        [.. name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('.', ',', '(', ')', '"')).Where(w => w.Length > 0)];

    /// <summary>The pool entry at <paramref name="hash"/>, skipping any that shares letters with an original name.</summary>
    private static string Pick(string[] pool, ulong hash, IReadOnlyList<string> avoid)
    {
        var start = (int)(hash % (ulong)pool.Length);
        for (var k = 0; k < pool.Length; k++)
        {
            var candidate = pool[(start + k) % pool.Length];
            if (avoid.All(a => !a.Contains(candidate, StringComparison.OrdinalIgnoreCase) && !candidate.Contains(a, StringComparison.OrdinalIgnoreCase)))
            {
                return candidate;
            }
        }

        return pool[start];
    }

    /// <summary>Replaces <paramref name="word"/> on word boundaries, ignoring case.</summary>
    private static string ReplaceWord(string text, string word, string replacement)
    {
        var builder = new StringBuilder(text.Length);
        var at = 0;
        int found;
        while ((found = text.IndexOf(word, at, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var end = found + word.Length;
            var bounded = (found == 0 || !char.IsLetterOrDigit(text[found - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end]));
            builder.Append(text, at, found - at).Append(bounded ? replacement : text[found..end]);
            at = end;
        }

        return builder.Append(text, at, text.Length - at).ToString();
    }

    [GeneratedRegex(@"\b(?:https?://|www\.)[^\s<>""]*[^\s<>"".,;:!?)\]]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}", RegexOptions.CultureInvariant, 200)]
    private static partial Regex EmailPattern();

    /// <summary>A house number, one to three words and a street type, with an optional flat or suite.</summary>
    [GeneratedRegex(
        @"\b\d{1,5}[A-Za-z]?,?\s+(?:[A-Za-z][A-Za-z'-]*\s+){1,3}(?i:street|st|avenue|ave|road|rd|lane|ln|drive|dr|boulevard|blvd|way|court|ct|place|pl|terrace|close|crescent|square|sq|parkway|highway|hwy)\b\.?(?:,?\s*(?i:apt|apartment|suite|unit|flat|floor)\.?\s*#?[A-Za-z0-9]+)?|\b(?i:p\.?\s?o\.?\s+box)\s+\d+",
        RegexOptions.CultureInvariant, 200)]
    private static partial Regex AddressPattern();

    /// <summary>A UK postcode ("SW1A 1AA") or a US state and ZIP ("OR 97201").</summary>
    [GeneratedRegex(@"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b|\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b", RegexOptions.CultureInvariant, 200)]
    private static partial Regex PostcodePattern();

    /// <summary>Seven or more digits with spaces, dots, dashes or parentheses between them (phones, cards).</summary>
    [GeneratedRegex(@"(?<![\w#$£€.,/])\+?\(?\d[\d ().-]{5,}\d(?!\w)", RegexOptions.CultureInvariant, 200)]
    private static partial Regex DigitRunPattern();

    [GeneratedRegex(@"(?i:order|ticket|case|invoice|ref|reference|booking|tracking|confirmation)(?:\s+(?i:number|no\.?|id|code))?\s*[:#]?\s*$", RegexOptions.CultureInvariant, 200)]
    private static partial Regex CaseReferenceBefore();

    [GeneratedRegex(@"^\d{1,4}([./-])\d{1,2}\1\d{1,4}$", RegexOptions.CultureInvariant, 200)]
    private static partial Regex DatePattern();
}
