using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Rapport.Server.Components.Workspace;

/// <summary>
/// An article's Markdown as safe HTML for the editor's preview: raw HTML in the Markdown is shown as text (Markdig's
/// <c>DisableHtml</c>), and links or images whose address is not http(s), mailto, or relative lose it (no
/// <c>javascript:</c> or <c>data:</c> URLs), so an article can never run script in a colleague's workspace.
/// </summary>
internal static class MarkdownPreview
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseAutoLinks().DisableHtml().Build();

    public static string ToHtml(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafe(link.Url, image: link.IsImage))
            {
                link.Url = "#";
            }
        }

        foreach (var link in document.Descendants<AutolinkInline>())
        {
            if (!IsSafe(link.Url, image: false))
            {
                link.Url = "#";
            }
        }

        return document.ToHtml(Pipeline);
    }

    private static bool IsSafe(string? url, bool image)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return true;
        }

        var trimmed = url.Trim();
        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        var slash = trimmed.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (slash >= 0 && slash < colon))
        {
            return true; // relative: no scheme
        }

        var scheme = trimmed[..colon].ToLowerInvariant();
        return scheme is "http" or "https" || (!image && scheme == "mailto");
    }
}
