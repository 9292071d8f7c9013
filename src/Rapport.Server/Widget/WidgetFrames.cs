using System.Text.Json;
using System.Text.Json.Serialization;
using Rapport.Desk.Widget;

namespace Rapport.Server.Widget;

/// <summary>
/// The widget's socket protocol: one JSON object per text frame, with a <c>type</c> (docs/widget.md). The visitor sends
/// <c>hello</c> (token, last message id seen), then <c>message</c> and <c>ping</c>; the desk answers <c>history</c>,
/// <c>ack</c>, <c>message</c>, <c>typing</c>, <c>pong</c> and <c>error</c>.
/// </summary>
internal static class WidgetFrames
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        MaxDepth = 8,
    };

    /// <summary>Error codes the widget acts on.</summary>
    public static class Codes
    {
        public const string UnknownToken = "unknown_token";
        public const string ExpiredToken = "expired_token";
        public const string BadFrame = "bad_frame";
        public const string FrameTooLarge = "frame_too_large";
        public const string Empty = "empty";
        public const string TooLong = "too_long";
        public const string BadText = "bad_text";
        public const string RateLimited = "rate_limited";
        public const string Unavailable = "unavailable";
    }

    public static OutMessage From(WidgetMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new(message.Id, message.Author.ToString().ToLowerInvariant(), message.Name, message.Text, message.At);
    }
}

/// <summary>Any frame from the visitor; which fields matter depends on <see cref="Type"/>.</summary>
internal sealed record InFrame(string? Type, string? Token, long? After, string? Text, string? ClientId);

/// <summary>A message as sent to the widget: author is customer, assistant or agent; name the agent's first name.</summary>
internal sealed record OutMessage(long Id, string Author, string? Name, string Text, DateTimeOffset At);

/// <summary>Every frame the desk sends names its type first.</summary>
internal abstract record OutFrame(string Type);

internal sealed record HistoryFrame(IReadOnlyList<OutMessage> Messages, int MaxLength) : OutFrame("history");

internal sealed record MessageFrame(OutMessage Message) : OutFrame("message");

internal sealed record AckFrame(string? ClientId, OutMessage Message) : OutFrame("ack");

internal sealed record TypingFrame(bool On) : OutFrame("typing");

internal sealed record PongFrame() : OutFrame("pong");

internal sealed record ErrorFrame(string Code, string Message, string? ClientId = null, int? RetryAfter = null) : OutFrame("error");
