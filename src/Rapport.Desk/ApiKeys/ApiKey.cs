namespace Rapport.Desk.ApiKeys;

/// <summary>
/// An API key for integrations. Only the SHA-256 hash of the secret is stored: the whole key
/// (<c>rpt_&lt;prefix&gt;_&lt;secret&gt;</c>) is shown once, when it is created.
/// </summary>
public sealed class ApiKey
{
    public long Id { get; set; }

    public required string Name { get; set; }

    /// <summary>The public part, shown in lists so people can tell keys apart; also how a key is looked up.</summary>
    public required string Prefix { get; set; }

    /// <summary>SHA-256 of the secret part (32 bytes).</summary>
    public required byte[] SecretHash { get; set; }

    public ApiKeyScope Scope { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
