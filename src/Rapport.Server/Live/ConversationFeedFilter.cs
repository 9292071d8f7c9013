using System.Globalization;

namespace Rapport.Server.Live;

/// <summary>
/// Publishes a <see cref="ConversationChange"/> after every successful change made through <c>/api/v1/conversations</c>
/// (a message, a status, an assignee, a new conversation), so open inboxes update without a reload.
/// </summary>
internal static class ConversationFeedFilter
{
    public static TBuilder PublishConversationChanges<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context).ConfigureAwait(false);
            var http = context.HttpContext;
            if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
                || string.Equals(http.Request.Query["dryRun"], "true", StringComparison.OrdinalIgnoreCase)
                || (result is INestedHttpResult nested ? nested.Result : result) is not IStatusCodeHttpResult { StatusCode: >= 200 and < 300 })
            {
                return result;
            }

            long? id = http.Request.RouteValues.TryGetValue("id", out var raw)
                && long.TryParse(Convert.ToString(raw, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture, out var parsed)
                    ? parsed
                    : null;
            http.RequestServices.GetRequiredService<ConversationFeed>().Publish(new ConversationChange(id));
            return result;
        });
}
