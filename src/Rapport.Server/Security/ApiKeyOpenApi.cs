using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Rapport.Server.Security;

/// <summary>Declares the API key (a bearer token) in /openapi/v1.json, required by every operation it describes.</summary>
internal sealed class ApiKeyOpenApi : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiKeyAuthorization.Scheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API key, rpt_<prefix>_<secret>, as 'Authorization: Bearer ...' (or the X-Api-Key header). Scopes: read (GET), write (changes), admin (keys).",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyAuthorization.Scheme, document)] = [] }];
        return Task.CompletedTask;
    }
}
