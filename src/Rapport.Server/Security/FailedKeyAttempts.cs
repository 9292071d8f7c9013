using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;

namespace Rapport.Server.Security;

/// <summary>
/// Counts requests with invalid API keys per remote address in a fixed window from the first failure
/// (<see cref="RateLimitOptions.FailedKeyLimit"/> per <see cref="RateLimitOptions.FailedKeyWindowSeconds"/>), so nobody
/// can try keys at full speed; docs/decisions/0007-api-keys.md. Per process, like the per-key limiter.
/// </summary>
internal sealed class FailedKeyAttempts(IOptions<RateLimitOptions> options, TimeProvider time)
{
    // Beyond this many addresses, expired windows are swept before a new one is added, so memory stays bounded.
    private const int SweepAbove = 10_000;

    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    public int Limit => options.Value.FailedKeyLimit;

    public TimeSpan WindowLength => TimeSpan.FromSeconds(options.Value.FailedKeyWindowSeconds);

    public static string AddressOf(HttpContext context) => context.Connection.RemoteIpAddress is { } ip
        ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString()
        : IPAddress.None.ToString();

    public void RecordFailure(string address)
    {
        var now = time.GetUtcNow();
        if (_windows.Count > SweepAbove)
        {
            foreach (var (key, window) in _windows)
            {
                if (window.Ends <= now)
                {
                    _windows.TryRemove(key, out _);
                }
            }
        }

        _windows.AddOrUpdate(
            address,
            _ => new Window(now + WindowLength, 1),
            (_, w) => w.Ends <= now ? new Window(now + WindowLength, 1) : w with { Failures = w.Failures + 1 });
    }

    /// <summary>True when <paramref name="address"/> has used up its failures; <paramref name="retryAfter"/> says for how long.</summary>
    public bool IsBlocked(string address, out TimeSpan retryAfter)
    {
        var now = time.GetUtcNow();
        if (_windows.TryGetValue(address, out var window) && window.Ends > now && window.Failures >= Limit)
        {
            retryAfter = window.Ends - now;
            return true;
        }

        retryAfter = TimeSpan.Zero;
        return false;
    }

    private sealed record Window(DateTimeOffset Ends, int Failures);
}

/// <summary>Answers 429 (problem details, Retry-After) to keyed requests from an address over its failed-key limit,
/// before the key is looked up; placed before authentication.</summary>
internal sealed class FailedKeyGuardMiddleware(RequestDelegate next, FailedKeyAttempts attempts)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var hasKey = context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName) || context.Request.Headers.Authorization.Count > 0;
        if (!hasKey || !attempts.IsBlocked(FailedKeyAttempts.AddressOf(context), out var retryAfter))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        await TooManyRequests.WriteAsync(
            context,
            retryAfter,
            "Too many failed API key attempts",
            seconds => $"This address sent {attempts.Limit} requests with invalid API keys within {(int)attempts.WindowLength.TotalSeconds} s; retry after {seconds} s.")
            .ConfigureAwait(false);
    }
}
