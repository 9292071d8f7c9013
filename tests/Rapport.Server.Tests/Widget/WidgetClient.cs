using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Rapport.Server.Tests.Widget;

/// <summary>A visitor's socket to /widget/socket, speaking the widget's JSON frames.</summary>
internal sealed class WidgetClient : IAsyncDisposable
{
    // A guard against a hung test, not an assertion: every frame a test waits for is sent without delay.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly ClientWebSocket _socket = new();

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public static async Task<WidgetClient> ConnectAsync(Uri server, string? origin = null)
    {
        var client = new WidgetClient();
        client._socket.Options.CollectHttpResponseDetails = true;
        if (origin is not null)
        {
            client._socket.Options.SetRequestHeader("Origin", origin);
        }

        using var timeout = new CancellationTokenSource(Patience);
        var url = new UriBuilder(server) { Scheme = "ws", Path = "/widget/socket" }.Uri;
        try
        {
            await client._socket.ConnectAsync(url, timeout.Token);
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }

        return client;
    }

    /// <summary>The handshake's HTTP status when it was refused.</summary>
    public static async Task<int> RefusedStatusAsync(Uri server, string origin)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.SetRequestHeader("Origin", origin);
        var url = new UriBuilder(server) { Scheme = "ws", Path = "/widget/socket" }.Uri;
        using var timeout = new CancellationTokenSource(Patience);
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(url, timeout.Token));
        return (int)socket.HttpStatusCode;
    }

    /// <summary>Sends hello and returns the desk's answer (history, or an error).</summary>
    public async Task<JsonElement> HelloAsync(string token, long after = 0)
    {
        await SendAsync(new { type = "hello", token, after });
        return await ReceiveAsync();
    }

    public Task SendAsync(object frame) => SendRawAsync(JsonSerializer.Serialize(frame));

    public async Task SendRawAsync(string text)
    {
        using var timeout = new CancellationTokenSource(Patience);
        await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
    }

    /// <summary>The next frame; a JSON null when the desk closed the socket.</summary>
    public async Task<JsonElement> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        while (true)
        {
            var result = await _socket.ReceiveAsync(chunk, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return JsonDocument.Parse("null").RootElement.Clone();
            }

            buffer.Write(chunk, 0, result.Count);
            if (result.EndOfMessage)
            {
                return JsonDocument.Parse(buffer.ToArray()).RootElement.Clone();
            }
        }
    }

    /// <summary>Frames until one of <paramref name="type"/> (matching <paramref name="match"/>); fails if the socket closes first.</summary>
    public async Task<JsonElement> ReceiveUntilAsync(string type, Func<JsonElement, bool>? match = null)
    {
        while (true)
        {
            var frame = await ReceiveAsync();
            Assert.True(frame.ValueKind == JsonValueKind.Object, $"The socket closed while waiting for a {type} frame.");
            if (frame.GetProperty("type").GetString() == type && (match is null || match(frame)))
            {
                return frame;
            }
        }
    }

    /// <summary>The next pushed message written by someone other than the customer.</summary>
    public Task<JsonElement> NextReplyAsync() =>
        ReceiveUntilAsync("message", f => f.GetProperty("message").GetProperty("author").GetString() != "customer");

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(Patience);
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
            catch (WebSocketException)
            {
                // Already gone.
            }
        }

        _socket.Dispose();
    }
}
