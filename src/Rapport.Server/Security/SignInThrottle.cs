using System.Collections.Concurrent;

namespace Rapport.Server.Security;

/// <summary>
/// Slows password guessing: after <see cref="MaxFailures"/> wrong passwords for one e-mail within
/// <see cref="Window"/>, that e-mail cannot sign in until the window has passed. In memory, per process: a restart
/// forgets it, which is acceptable for a limit that only needs to make guessing slow.
/// </summary>
internal sealed class SignInThrottle(TimeProvider time)
{
    public const int MaxFailures = 5;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, Failures> _failures = new(StringComparer.Ordinal);

    /// <summary>When the e-mail may try again; null when it may try now.</summary>
    public DateTimeOffset? LockedUntil(string email)
    {
        var key = Key(email);
        if (!_failures.TryGetValue(key, out var failures))
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (now - failures.First >= Window)
        {
            _failures.TryRemove(key, out _);
            return null;
        }

        return failures.Count >= MaxFailures ? failures.First + Window : null;
    }

    public void Failed(string email)
    {
        var now = time.GetUtcNow();
        _failures.AddOrUpdate(Key(email), _ => new Failures(now, 1), (_, f) => now - f.First >= Window ? new Failures(now, 1) : f with { Count = f.Count + 1 });
    }

    public void Succeeded(string email) => _failures.TryRemove(Key(email), out _);

    private static string Key(string email) => email.Trim().ToLowerInvariant();

    private sealed record Failures(DateTimeOffset First, int Count);
}
