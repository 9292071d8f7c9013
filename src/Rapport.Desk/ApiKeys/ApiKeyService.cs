using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Rapport.Desk.Data;

namespace Rapport.Desk.ApiKeys;

/// <summary>A key just created, with the only copy of its token.</summary>
public sealed record CreatedApiKey(ApiKey Key, string Token);

/// <summary>Creates, lists, revokes and checks API keys (<c>rpt_&lt;prefix&gt;_&lt;secret&gt;</c>).</summary>
public sealed class ApiKeyService(RapportDbContext db, TimeProvider time)
{
    public const string TokenStart = "rpt_";
    public const int PrefixLength = 8;
    public const int SecretLength = 40;

    // Letters and digits only, so a key survives shells, URLs and double-click selection. 40 of 62 symbols ≈ 238 bits.
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const string PrefixAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    // Writing LastUsedAt on every request would turn each read into a write; once a minute is precise enough.
    private static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    public async Task<CreatedApiKey> CreateAsync(string name, ApiKeyScope scope, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var prefix = RandomNumberGenerator.GetString(PrefixAlphabet, PrefixLength);
        var secret = RandomNumberGenerator.GetString(Alphabet, SecretLength);
        var key = new ApiKey { Name = name, Prefix = prefix, SecretHash = Hash(secret), Scope = scope, CreatedAt = time.GetUtcNow() };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new CreatedApiKey(key, TokenStart + prefix + "_" + secret);
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken) =>
        await db.ApiKeys.AsNoTracking().OrderBy(k => k.Id).ToListAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Whether some admin key is not revoked (if none, nobody can manage keys over the API).</summary>
    public Task<bool> AnyActiveAdminAsync(CancellationToken cancellationToken) =>
        db.ApiKeys.AnyAsync(k => k.Scope == ApiKeyScope.Admin && k.RevokedAt == null, cancellationToken);

    /// <summary>Revokes the key (idempotent); null when there is no such key.</summary>
    public async Task<ApiKey?> RevokeAsync(long id, CancellationToken cancellationToken)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, cancellationToken).ConfigureAwait(false);
        if (key is null)
        {
            return null;
        }

        key.RevokedAt ??= time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return key;
    }

    /// <summary>The live key the token belongs to; null when it is malformed, unknown, wrong or revoked.</summary>
    public async Task<ApiKey?> AuthenticateAsync(string token, CancellationToken cancellationToken)
    {
        if (!TryParse(token, out var prefix, out var secret))
        {
            return null;
        }

        var key = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Prefix == prefix, cancellationToken).ConfigureAwait(false);
        if (key is null || key.RevokedAt is not null || !CryptographicOperations.FixedTimeEquals(Hash(secret), key.SecretHash))
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (key.LastUsedAt is null || now - key.LastUsedAt.Value >= LastUsedPrecision)
        {
            var id = key.Id;
            await db.ApiKeys.Where(k => k.Id == id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), cancellationToken).ConfigureAwait(false);
            key.LastUsedAt = now;
        }

        return key;
    }

    private static bool TryParse(string token, out string prefix, out string secret)
    {
        prefix = secret = "";
        if (token.Length != TokenStart.Length + PrefixLength + 1 + SecretLength
            || !token.StartsWith(TokenStart, StringComparison.Ordinal)
            || token[TokenStart.Length + PrefixLength] != '_')
        {
            return false;
        }

        prefix = token.Substring(TokenStart.Length, PrefixLength);
        secret = token[(TokenStart.Length + PrefixLength + 1)..];
        return true;
    }

    private static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
