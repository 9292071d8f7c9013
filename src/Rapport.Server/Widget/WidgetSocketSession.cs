using System.Buffers;
using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Desk;
using Rapport.Desk.Conversations;
using Rapport.Desk.Widget;
using Rapport.Server.Live;

namespace Rapport.Server.Widget;

/// <summary>
/// One visitor's socket, bound to one conversation by the token of its first frame. Two loops: one reads the visitor's
/// frames (messages are stored, acknowledged and answered by the responder, one at a time), one pushes every new message
/// of the conversation whenever the conversation feed says it changed. Sends are serialised (a WebSocket allows one at
/// a time); every database call gets its own scope, as the socket may live for hours.
/// </summary>
internal sealed partial class WidgetSocketSession(
    WebSocket socket, IServiceScopeFactory scopes, ConversationFeed feed, WidgetRateLimits limits, WidgetOptions options,
    string address, ILogger logger) : IDisposable
{
    /// <summary>The largest frame read: a full-length message with every character escaped, and room for the envelope.</summary>
    public static int MaxFrameBytes(WidgetOptions options) => (options.MaxMessageLength * 6) + 1024;

    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly System.Threading.Channels.Channel<bool> _changed = System.Threading.Channels.Channel.CreateBounded<bool>(new System.Threading.Channels.BoundedChannelOptions(1) { FullMode = System.Threading.Channels.BoundedChannelFullMode.DropWrite });
    private long _conversationId;
    private long _lastSent;

    /// <param name="stopping">The server is stopping: cancels everything, also a message being stored and answered.</param>
    /// <param name="ended">The socket's request ended (or the server is stopping): cancels reads and sends.</param>
    public async Task RunAsync(CancellationToken stopping, CancellationToken ended)
    {
        using var closing = CancellationTokenSource.CreateLinkedTokenSource(ended);
        try
        {
            if (!await HelloAsync(closing.Token).ConfigureAwait(false))
            {
                return;
            }

            using var subscription = feed.Subscribe(change =>
            {
                if (change.ConversationId == _conversationId)
                {
                    _changed.Writer.TryWrite(true);
                }
            });

            // Subscribed before the history is read, so nothing written in between is missed (the push loop reads by id).
            await SendHistoryAsync(closing.Token).ConfigureAwait(false);
            var pushing = PushLoopAsync(closing.Token);
            try
            {
                await ReceiveLoopAsync(stopping, closing.Token).ConfigureAwait(false);
            }
            finally
            {
                await closing.CancelAsync().ConfigureAwait(false);
                await pushing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The visitor left (closed the tab, lost the network) or the server is stopping: nothing to answer.
            LogSocketEnded(logger, _conversationId, e);
        }
    }

    public void Dispose() => _sending.Dispose();

    private async Task<bool> HelloAsync(CancellationToken cancellationToken)
    {
        InFrame? frame;
        try
        {
            frame = await ReceiveAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            frame = null;
        }

        if (frame is not { Type: "hello" })
        {
            await RefuseAsync(WidgetFrames.Codes.BadFrame, "The first frame must be {\"type\":\"hello\",\"token\":\"...\"}.", cancellationToken).ConfigureAwait(false);
            return false;
        }

        WidgetAccess access;
        await using (var scope = scopes.CreateAsyncScope())
        {
            access = await scope.ServiceProvider.GetRequiredService<WidgetService>().OpenAsync(frame.Token, cancellationToken).ConfigureAwait(false);
        }

        switch (access.State)
        {
            case WidgetTokenState.Valid:
                _conversationId = access.ConversationId;
                _lastSent = Math.Max(0, frame.After ?? 0);
                return true;
            case WidgetTokenState.Expired:
                await RefuseAsync(WidgetFrames.Codes.ExpiredToken, "This chat has expired. Start a new one.", cancellationToken).ConfigureAwait(false);
                return false;
            default:
                await RefuseAsync(WidgetFrames.Codes.UnknownToken, "This chat link is not valid. Start a new chat.", cancellationToken).ConfigureAwait(false);
                return false;
        }
    }

    private async Task SendHistoryAsync(CancellationToken cancellationToken)
    {
        var messages = await MessagesAfterAsync(_lastSent, cancellationToken).ConfigureAwait(false);
        if (messages.Count > 0)
        {
            _lastSent = messages[^1].Id;
        }

        await SendAsync(new HistoryFrame([.. messages.Select(WidgetFrames.From)], options.MaxMessageLength), cancellationToken).ConfigureAwait(false);
    }

    private async Task PushLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await _changed.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                _changed.Reader.TryRead(out _);
                foreach (var message in await MessagesAfterAsync(Volatile.Read(ref _lastSent), cancellationToken).ConfigureAwait(false))
                {
                    await SendAsync(new MessageFrame(WidgetFrames.From(message)), cancellationToken).ConfigureAwait(false);
                    Volatile.Write(ref _lastSent, message.Id);
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The socket is closing; the receive loop ends the session.
        }
    }

    private async Task ReceiveLoopAsync(CancellationToken stopping, CancellationToken cancellationToken)
    {
        while (socket.State == WebSocketState.Open)
        {
            InFrame? frame;
            try
            {
                frame = await ReceiveAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException)
            {
                await SendAsync(new ErrorFrame(WidgetFrames.Codes.BadFrame, "That frame was not a JSON object the chat understands."), cancellationToken).ConfigureAwait(false);
                continue;
            }

            switch (frame?.Type)
            {
                case null when socket.State != WebSocketState.Open:
                    return;
                case "ping":
                    await SendAsync(new PongFrame(), cancellationToken).ConfigureAwait(false);
                    break;
                case "message":
                    await OnMessageAsync(frame, stopping, cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    await SendAsync(new ErrorFrame(WidgetFrames.Codes.BadFrame, "Frames are {\"type\":\"message\",\"text\":\"...\"} or {\"type\":\"ping\"}."), cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
    }

    private async Task OnMessageAsync(InFrame frame, CancellationToken stopping, CancellationToken cancellationToken)
    {
        if (Check(frame.Text) is { } refused)
        {
            await SendAsync(refused with { ClientId = frame.ClientId }, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (limits.TryMessage(_conversationId, address) is var (why, retryAfter))
        {
            await SendAsync(new ErrorFrame(WidgetFrames.Codes.RateLimited, why, frame.ClientId, Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))), cancellationToken).ConfigureAwait(false);
            return;
        }

        // The client id makes a resend after a lost acknowledgement (the socket dropped) idempotent: the message is
        // stored once, under an external id only this conversation can produce, and the resend is simply acknowledged.
        var externalId = IsClientId(frame.ClientId) ? $"widget:{_conversationId}:{frame.ClientId}" : null;

        // Stored and answered even if the visitor reloads meanwhile (only the server stopping cancels): the reply then
        // arrives with the reloaded page's history.
        Message? stored;
        await using (var scope = scopes.CreateAsyncScope())
        {
            try
            {
                stored = await scope.ServiceProvider.GetRequiredService<ConversationService>()
                    .AddCustomerMessageAsync(_conversationId, new NewMessage(frame.Text!, Channel.Chat, externalId), stopping).ConfigureAwait(false);
            }
            catch (Exception e) when (externalId is not null && e is DeskConflictException or DbUpdateException)
            {
                var earlier = await scope.ServiceProvider.GetRequiredService<WidgetService>().FindAsync(_conversationId, externalId, stopping).ConfigureAwait(false);
                if (earlier is not null)
                {
                    await SendAsync(new AckFrame(frame.ClientId, WidgetFrames.From(earlier)), cancellationToken).ConfigureAwait(false);
                    return;
                }

                throw;
            }
        }

        if (stored is null)
        {
            await SendAsync(new ErrorFrame(WidgetFrames.Codes.UnknownToken, "This chat no longer exists. Start a new chat.", frame.ClientId), cancellationToken).ConfigureAwait(false);
            return;
        }

        await SendAsync(new AckFrame(frame.ClientId, new OutMessage(stored.Id, "customer", null, stored.Body, stored.CreatedAt)), cancellationToken).ConfigureAwait(false);
        feed.Publish(new ConversationChange(_conversationId));

        await SendAsync(new TypingFrame(true), cancellationToken).ConfigureAwait(false);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IWidgetResponder>().RespondAsync(_conversationId, stopping).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The visitor's message is stored and in the inbox; a failed answer must not end the chat.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogResponderFailed(logger, _conversationId, e);
            feed.Publish(new ConversationChange(_conversationId));
        }
        finally
        {
            if (socket.State == WebSocketState.Open)
            {
                await SendAsync(new TypingFrame(false), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>What the widget sends: up to 64 letters, digits, '-' and '_'.</summary>
    internal static bool IsClientId(string? clientId) =>
        clientId is { Length: > 0 and <= 64 } && clientId.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_');

    private ErrorFrame? Check(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new ErrorFrame(WidgetFrames.Codes.Empty, "Type a message first.");
        }

        if (text.Length > options.MaxMessageLength)
        {
            return new ErrorFrame(WidgetFrames.Codes.TooLong, string.Create(CultureInfo.InvariantCulture, $"Messages can be up to {options.MaxMessageLength:N0} characters; this one has {text.Length:N0}. Please shorten it or send it in parts."));
        }

        foreach (var ch in text)
        {
            if (ch < ' ' && ch is not '\t' and not '\r' and not '\n')
            {
                return new ErrorFrame(WidgetFrames.Codes.BadText, $"The message contains a control character (U+{(int)ch:X4}).");
            }
        }

        return null;
    }

    private async Task<IReadOnlyList<WidgetMessage>> MessagesAfterAsync(long afterId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WidgetService>().MessagesAsync(_conversationId, afterId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The next frame; null when the visitor closed. A frame over the limit ends the socket (1009).</summary>
    private async Task<InFrame?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var limit = MaxFrameBytes(options);
        var buffer = ArrayPool<byte>.Shared.Rent(limit);
        try
        {
            var length = 0;
            while (true)
            {
                if (length == limit)
                {
                    await SendAsync(new ErrorFrame(WidgetFrames.Codes.FrameTooLarge, string.Create(CultureInfo.InvariantCulture, $"A frame may be at most {limit:N0} bytes.")), cancellationToken).ConfigureAwait(false);
                    await socket.CloseAsync(WebSocketCloseStatus.MessageTooBig, "frame too large", cancellationToken).ConfigureAwait(false);
                    return null;
                }

                var result = await socket.ReceiveAsync(buffer.AsMemory(length, limit - length), cancellationToken).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", cancellationToken).ConfigureAwait(false);
                    return null;
                }

                length += result.Count;
                if (result.EndOfMessage)
                {
                    break;
                }
            }

            return JsonSerializer.Deserialize<InFrame>(buffer.AsSpan(0, length), WidgetFrames.Json) ?? throw new JsonException("null frame");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task SendAsync<T>(T frame, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(frame, WidgetFrames.Json);
        await _sending.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sending.Release();
        }
    }

    private async Task RefuseAsync(string code, string message, CancellationToken cancellationToken)
    {
        if (socket.State != WebSocketState.Open)
        {
            return;
        }

        await SendAsync(new ErrorFrame(code, message), cancellationToken).ConfigureAwait(false);
        await socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, code, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Widget socket for conversation {ConversationId} ended")]
    private static partial void LogSocketEnded(ILogger logger, long conversationId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The assistant failed to answer on conversation {ConversationId}; the message waits for a person")]
    private static partial void LogResponderFailed(ILogger logger, long conversationId, Exception exception);
}
