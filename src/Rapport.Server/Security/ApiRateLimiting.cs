using System.Security.Claims;
using System.Threading.RateLimiting;

namespace Rapport.Server.Security;

/// <summary>Per-key rate limiting: one fixed window per API key id; requests without a key are not limited here (they get 401).</summary>
internal static class ApiRateLimiting
{
    public static void AddApiKeyRateLimiting(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var limits = builder.Configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.User.Identity is { IsAuthenticated: true, AuthenticationType: ApiKeyAuthorization.Scheme }
                && context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } keyId
                    ? RateLimitPartition.GetFixedWindowLimiter(keyId, _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = limits.PermitLimit,
                        Window = TimeSpan.FromSeconds(limits.WindowSeconds),
                        QueueLimit = 0,
                    })
                    : RateLimitPartition.GetNoLimiter(""));
            o.OnRejected = (rejected, cancellationToken) => new ValueTask(TooManyRequests.WriteAsync(
                rejected.HttpContext,
                rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(limits.WindowSeconds),
                "Too many requests",
                seconds => $"This API key may make {limits.PermitLimit} requests per {limits.WindowSeconds} s; retry after {seconds} s."));
        });
    }
}
