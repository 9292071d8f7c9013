using Rapport.Desk.ApiKeys;
using Rapport.Server.Security;

namespace Rapport.Server.Api.Contracts;

/// <summary>Body of key creation; <c>scope</c> is read (default), write or admin.</summary>
internal sealed record ApiKeyRequest(string? Name, string? Scope);

/// <summary>A key as listed: never its secret.</summary>
internal sealed record ApiKeyResponse(long Id, string Name, string Prefix, string Scope, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt)
{
    public static ApiKeyResponse From(ApiKey k) =>
        new(k.Id, k.Name, k.Prefix, ApiKeyAuthorization.ScopeName(k.Scope), k.CreatedAt, k.LastUsedAt, k.RevokedAt);
}

/// <summary>A key just created: <c>key</c> is the whole token, returned this once only.</summary>
internal sealed record CreatedApiKeyResponse(long Id, string Name, string Prefix, string Scope, DateTimeOffset CreatedAt, string Key);
