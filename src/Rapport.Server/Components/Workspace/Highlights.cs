namespace Rapport.Server.Components.Workspace;

/// <summary>A span to mark in a text: [Start, End), a tooltip and a CSS class.</summary>
public readonly record struct Highlight(int Start, int End, string Title, string CssClass);

/// <summary>One piece of a text: plain, or marked with a tooltip. Rendered as text (Blazor encodes it), never as markup.</summary>
public readonly record struct TextSegment(string Text, string? Title, string? CssClass);

/// <summary>Cuts a text into plain and marked segments; overlapping highlights are merged (tooltips joined, first class kept).</summary>
internal static class Highlights
{
    public static IReadOnlyList<TextSegment> Split(string text, IEnumerable<Highlight> highlights)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(highlights);
        var spans = highlights
            .Select(h => h with { Start = Math.Clamp(h.Start, 0, text.Length), End = Math.Clamp(h.End, 0, text.Length) })
            .Where(h => h.End > h.Start)
            .OrderBy(h => h.Start).ThenByDescending(h => h.End)
            .ToList();
        var merged = new List<Highlight>(spans.Count);
        foreach (var span in spans)
        {
            if (merged.Count > 0 && span.Start < merged[^1].End)
            {
                var last = merged[^1];
                var title = last.Title.Contains(span.Title, StringComparison.Ordinal) ? last.Title : last.Title + "; " + span.Title;
                merged[^1] = last with { End = Math.Max(last.End, span.End), Title = title };
            }
            else
            {
                merged.Add(span);
            }
        }

        var segments = new List<TextSegment>((merged.Count * 2) + 1);
        var at = 0;
        foreach (var span in merged)
        {
            if (span.Start > at)
            {
                segments.Add(new TextSegment(text[at..span.Start], null, null));
            }

            segments.Add(new TextSegment(text[span.Start..span.End], span.Title, span.CssClass));
            at = span.End;
        }

        if (at < text.Length)
        {
            segments.Add(new TextSegment(text[at..], null, null));
        }

        return segments;
    }
}
