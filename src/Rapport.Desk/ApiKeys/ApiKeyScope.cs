namespace Rapport.Desk.ApiKeys;

/// <summary>What a key may do. Ordered: each scope includes the ones before it (admin can write and read).</summary>
public enum ApiKeyScope
{
    /// <summary>GET requests.</summary>
    Read = 0,

    /// <summary>Also POST, PUT and DELETE on desk resources.</summary>
    Write = 1,

    /// <summary>Also key management.</summary>
    Admin = 2,
}
