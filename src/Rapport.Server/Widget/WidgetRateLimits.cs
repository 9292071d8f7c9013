using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Rapport.Desk.Widget;
using Rapport.Server.Security;

namespace Rapport.Server.Widget;

/// <summary>
/// The widget's limits, fixed windows of <see cref="WidgetOptions.WindowSeconds"/>: messages per conversation and per
/// client address (checked per socket frame, so System.Threading.RateLimiting directly), and conversations started plus
/// sockets opened per address (the ASP.NET Core rate limiter policy <see cref="ConnectionsPolicy"/>).
/// The address is the connection's; behind a proxy, configure forwarded headers so it is the visitor's.
/// </summary>
internal sealed class WidgetRateLimits : IDisposable
{
    public const string ConnectionsPolicy = "widget-connections";

    private readonly WidgetOptions _options;
    private readonly PartitionedRateLimiter<long> _perConversation;
    private readonly PartitionedRateLimiter<string> _perAddress;

    public WidgetRateLimits(IOptions<WidgetOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        var window = TimeSpan.FromSeconds(_options.WindowSeconds);
        _perConversation = PartitionedRateLimiter.Create<long, long>(id => RateLimitPartition.GetFixedWindowLimiter(id, _ => Window(_options.MessagesPerConversation, window)));
        _perAddress = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address, _ => Window(_options.MessagesPerAddress, window)));
    }

    /// <summary>Takes one message permit from the conversation and one from the address; null when both were free,
    /// else the refusal in words and when to retry.</summary>
    public (string Message, TimeSpan RetryAfter)? TryMessage(long conversationId, string address)
    {
        using var conversation = _perConversation.AttemptAcquire(conversationId);
        if (!conversation.IsAcquired)
        {
            return ($"This chat may send {_options.MessagesPerConversation} messages per {_options.WindowSeconds} s; please wait a moment.", RetryAfter(conversation));
        }

        using var byAddress = _perAddress.AttemptAcquire(address);
        return byAddress.IsAcquired
            ? null
            : ($"Your network may send {_options.MessagesPerAddress} chat messages per {_options.WindowSeconds} s; please wait a moment.", RetryAfter(byAddress));
    }

    public static string AddressOf(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } ip ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString() : IPAddress.None.ToString();

    private TimeSpan RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : TimeSpan.FromSeconds(_options.WindowSeconds);

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) =>
        new() { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true };

    public void Dispose()
    {
        _perConversation.Dispose();
        _perAddress.Dispose();
    }

    /// <summary>Starts and socket openings per client address, answered with the desk's 429 problem details.</summary>
    internal sealed class Connections(IOptions<WidgetOptions> options) : IRateLimiterPolicy<string>
    {
        private readonly WidgetOptions _options = options.Value;

        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => (rejected, _) => new ValueTask(TooManyRequests.WriteAsync(
            rejected.HttpContext,
            rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(_options.WindowSeconds),
            "Too many chat requests",
            seconds => string.Create(CultureInfo.InvariantCulture, $"One address may start or reconnect {_options.ConnectionsPerAddress} chats per {_options.WindowSeconds} s; retry after {seconds} s.")));

        public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
            RateLimitPartition.GetFixedWindowLimiter(AddressOf(httpContext), _ => Window(_options.ConnectionsPerAddress, TimeSpan.FromSeconds(_options.WindowSeconds)));
    }
}
