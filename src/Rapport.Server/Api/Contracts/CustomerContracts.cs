using Rapport.Desk.Customers;

namespace Rapport.Server.Api.Contracts;

/// <summary>Body of create and update: all fields but <c>name</c> are optional.</summary>
internal sealed record CustomerRequest(string? Name, string? Email, string? PreferredLanguage, IReadOnlyList<string>? Tags, string? Notes);

internal sealed record CustomerResponse(long Id, string Name, string? Email, string? PreferredLanguage, IReadOnlyList<string> Tags, string? Notes, DateTimeOffset CreatedAt)
{
    public static CustomerResponse From(Customer c) => new(c.Id, c.Name, c.Email, c.PreferredLanguage, c.Tags, c.Notes, c.CreatedAt);
}

/// <summary>A page of a list, numbered from 1.</summary>
internal sealed record PageResponse<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);
