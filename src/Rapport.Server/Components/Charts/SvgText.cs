using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Components;

namespace Rapport.Server.Components.Charts;

/// <summary>Razor reserves &lt;text&gt;, so SVG text elements are written as markup, with their content encoded.</summary>
internal static class SvgText
{
    public static MarkupString Label(double x, double y, string anchor, string content, string css = "curve-label") =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"<text class=\"{css}\" x=\"{x:0.#}\" y=\"{y:0.#}\" text-anchor=\"{anchor}\">{WebUtility.HtmlEncode(content)}</text>"));
}
