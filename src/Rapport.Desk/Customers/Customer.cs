namespace Rapport.Desk.Customers;

/// <summary>A person who contacts support, on any channel.</summary>
public sealed class Customer
{
    public long Id { get; set; }

    public required string Name { get; set; }

    public string? Email { get; set; }

    /// <summary>ISO 639-1 code ("en", "es"...), when known.</summary>
    public string? PreferredLanguage { get; set; }

    /// <summary>Free tags such as "vip"; some of them raise priority (docs/decisions/0005-priority.md).</summary>
    public List<string> Tags { get; set; } = [];

    public string? Notes { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
