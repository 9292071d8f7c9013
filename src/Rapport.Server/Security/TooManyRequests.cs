using System.Globalization;

namespace Rapport.Server.Security;

/// <summary>The 429 answer both limits give: Retry-After in whole seconds and a problem-details body.</summary>
internal static class TooManyRequests
{
    public static Task WriteAsync(HttpContext http, TimeSpan retryAfter, string title, Func<int, string> detail)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = title,
                Detail = detail(seconds),
            },
        }).AsTask();
    }
}
