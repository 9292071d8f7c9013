using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Desk.ApiKeys;
using Rapport.Server.Api.Contracts;
using Rapport.Server.Security;

namespace Rapport.Server.Api;

/// <summary><c>/api/v1/api-keys</c> (admin scope): create (the secret is returned once), list (no secrets), revoke.</summary>
internal static class ApiKeyEndpoints
{
    public static IEndpointRouteBuilder MapApiKeys(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/api-keys").WithTags("API keys").RequireAuthorization(ApiKeyAuthorization.AdminPolicy);
        group.MapGet("", ListAsync).WithName("ListApiKeys").WithSummary("Lists the API keys (without secrets).");
        group.MapPost("", CreateAsync).WithName("CreateApiKey").WithSummary("Creates an API key; the response holds the key once.");
        group.MapDelete("/{id:long}", RevokeAsync).WithName("RevokeApiKey").WithSummary("Revokes an API key.");
        return app;
    }

    internal static async Task<Ok<ApiKeyResponse[]>> ListAsync(ApiKeyService keys, CancellationToken cancellationToken) =>
        TypedResults.Ok((await keys.ListAsync(cancellationToken).ConfigureAwait(false)).Select(ApiKeyResponse.From).ToArray());

    internal static async Task<Results<Created<CreatedApiKeyResponse>, ValidationProblem>> CreateAsync(
        ApiKeyRequest request, ApiKeyService keys, CancellationToken cancellationToken)
    {
        var validator = new RequestValidator();
        var name = validator.Text("name", request.Name, required: true, maxLength: 200);
        var scope = validator.Enum<ApiKeyScope>("scope", request.Scope, required: false) ?? ApiKeyScope.Read;
        if (!validator.IsValid || name is null)
        {
            return validator.Problem();
        }

        var (key, token) = await keys.CreateAsync(name.Trim(), scope, cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"/api/v1/api-keys/{key.Id}",
            new CreatedApiKeyResponse(key.Id, key.Name, key.Prefix, ApiKeyAuthorization.ScopeName(key.Scope), key.CreatedAt, token));
    }

    internal static async Task<Results<Ok<ApiKeyResponse>, ProblemHttpResult>> RevokeAsync(
        long id, ApiKeyService keys, ApiKeyCache cache, CancellationToken cancellationToken)
    {
        if (await keys.RevokeAsync(id, cancellationToken).ConfigureAwait(false) is not { } key)
        {
            return NotFound.Problem("API key", id);
        }

        cache.Forget(key.Id);
        return TypedResults.Ok(ApiKeyResponse.From(key));
    }
}
