using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace Rapport.Server.Api;

/// <summary>
/// Answers 413 with problem details before the endpoint runs when Content-Length is over the limit (Kestrel's own
/// limit still stops chunked bodies that grow past it). An endpoint with <see cref="IRequestSizeLimitMetadata"/> (the
/// import) gets its own limit instead of <see cref="ApiOptions.MaxRequestBodyBytes"/>.
/// </summary>
internal sealed class RequestSizeLimitMiddleware(RequestDelegate next, IOptions<ApiOptions> options, IProblemDetailsService problems)
{
    private readonly long _limit = options.Value.MaxRequestBodyBytes;

    public async Task InvokeAsync(HttpContext context)
    {
        var limit = _limit;
        if (context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize is { } own)
        {
            limit = own;
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = own;
            }
        }

        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Title = "Request body too large",
                    Detail = $"The body is {context.Request.ContentLength} bytes; the limit is {limit}.",
                },
            }).ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }
}
