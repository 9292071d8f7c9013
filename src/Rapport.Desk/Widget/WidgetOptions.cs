using System.ComponentModel.DataAnnotations;

namespace Rapport.Desk.Widget;

/// <summary>The <c>Rapport:Widget</c> section: the website chat widget's limits and who may embed it (docs/widget.md).</summary>
public sealed class WidgetOptions : IValidatableObject
{
    public const string Section = "Rapport:Widget";

    /// <summary>
    /// Origins (<c>https://shop.example</c>) whose pages may start chats and open sockets; the desk's own origin is
    /// always allowed. Empty by default: only pages served by the desk itself (such as /widget-demo).
    /// </summary>
    public IList<string> AllowedOrigins { get; } = [];

    /// <summary>The longest customer message, in UTF-16 code units as a browser's maxlength counts (default 2,000).</summary>
    [Range(1, 32_768)]
    public int MaxMessageLength { get; set; } = 2_000;

    /// <summary>Messages one conversation may send per window (default 10).</summary>
    [Range(1, 1_000_000)]
    public int MessagesPerConversation { get; set; } = 10;

    /// <summary>Messages one client address may send per window, over all its conversations (default 30).</summary>
    [Range(1, 1_000_000)]
    public int MessagesPerAddress { get; set; } = 30;

    /// <summary>Conversations started plus sockets opened per client address per window (default 20).</summary>
    [Range(1, 1_000_000)]
    public int ConnectionsPerAddress { get; set; } = 20;

    /// <summary>The window of the three limits above, in seconds (default 60).</summary>
    [Range(1, 86_400)]
    public int WindowSeconds { get; set; } = 60;

    /// <summary>How long a conversation token stays valid after the chat started (default 30 days).</summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The most messages a (re)connecting widget receives as history (default 200, the latest).</summary>
    [Range(1, 10_000)]
    public int HistoryLimit { get; set; } = 200;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var origin in AllowedOrigins)
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
                || uri.AbsolutePath != "/" || uri.Query.Length != 0 || uri.Fragment.Length != 0)
            {
                yield return new ValidationResult(
                    $"'{origin}' is not an origin: write scheme, host and port only, such as https://shop.example.",
                    [nameof(AllowedOrigins)]);
            }
        }
    }
}
