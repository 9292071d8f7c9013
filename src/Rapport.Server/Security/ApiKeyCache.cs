using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Rapport.Desk.ApiKeys;

namespace Rapport.Server.Security;

/// <summary>
/// Remembers keys that authenticated for <see cref="Lifetime"/>, so a busy integration does not cost a database lookup
/// per request (docs/decisions/0007-api-keys.md). Revoking through this server forgets the key at once; a key revoked
/// by another server instance or directly in the database stops working within <see cref="Lifetime"/>.
/// Entries are keyed by the SHA-256 of the token, so the cache holds no secret.
/// </summary>
internal sealed class ApiKeyCache(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    /// <summary>More distinct live keys than this within a lifetime is unusual; the cache then starts over.</summary>
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, CachedApiKey> _entries = new(StringComparer.Ordinal);

    public bool TryGet(string token, out CachedApiKey key)
    {
        var id = Fingerprint(token);
        if (_entries.TryGetValue(id, out var found) && found.Until > time.GetUtcNow())
        {
            key = found;
            return true;
        }

        if (found is not null)
        {
            _entries.TryRemove(id, out _);
        }

        key = null!;
        return false;
    }

    public CachedApiKey Add(string token, ApiKey key)
    {
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        var entry = new CachedApiKey(key.Id, key.Name, key.Scope, time.GetUtcNow() + Lifetime);
        _entries[Fingerprint(token)] = entry;
        return entry;
    }

    /// <summary>Drops every entry of key <paramref name="keyId"/> (after it is revoked).</summary>
    public void Forget(long keyId)
    {
        foreach (var (id, entry) in _entries)
        {
            if (entry.Id == keyId)
            {
                _entries.TryRemove(id, out _);
            }
        }
    }

    private static string Fingerprint(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

/// <summary>What a request needs to know about its key.</summary>
internal sealed record CachedApiKey(long Id, string Name, ApiKeyScope Scope, DateTimeOffset Until);
