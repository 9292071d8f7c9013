using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Desk.Agents;
using Rapport.Desk.Notifications;
using Rapport.Server.Api.Contracts;
using Rapport.Server.Live;
using Rapport.Server.Security;

namespace Rapport.Server.Api;

/// <summary>
/// <c>/api/v1/notifications</c> (docs/notifications.md): a signed-in agent's own notifications (an admin may name
/// another agent; 403 for anyone else), or with an API key anyone's (<c>?agentId=</c>), and marking them read.
/// </summary>
internal static class NotificationEndpoints
{
    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/notifications").WithTags("Notifications");
        group.MapGet("", ListAsync).WithName("ListNotifications")
            .WithSummary("Notifications newest first with the unread count: a signed-in agent's own; an API key everyone's or ?agentId='s. ?unread=true for unread only, ?limit= 1–200 (50).")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/{id:long}/read", ReadAsync).WithName("ReadNotification")
            .WithSummary("Marks a notification read (reading it again keeps the first time); a signed-in agent only their own (403).")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/read-all", ReadAllAsync).WithName("ReadAllNotifications")
            .WithSummary("Marks every unread notification of the caller (or, with an API key or as admin, of ?agentId=) read.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    internal static async Task<Results<Ok<NotificationListResponse>, ValidationProblem, ProblemHttpResult>> ListAsync(
        ClaimsPrincipal user, NotificationService notifications, CancellationToken cancellationToken, long? agentId = null, bool unread = false, int? limit = null)
    {
        var validator = new RequestValidator();
        if (limit is { } l)
        {
            validator.Range("limit", l, 1, NotificationService.MaxLimit);
        }

        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        var (whose, forbidden) = Whose(user, agentId);
        if (forbidden is not null)
        {
            return forbidden;
        }

        var list = await notifications.ListAsync(whose, unread, limit ?? NotificationService.DefaultLimit, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new NotificationListResponse(list.Unread, [.. list.Items.Select(NotificationResponse.From)]));
    }

    internal static async Task<Results<Ok<NotificationResponse>, ProblemHttpResult>> ReadAsync(
        long id, ClaimsPrincipal user, NotificationService notifications, CancellationToken cancellationToken)
    {
        var found = await notifications.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (found is null)
        {
            return NotFound.Problem("Notification", id);
        }

        if (Whose(user, found.Notification.AgentId).Forbidden is { } forbidden)
        {
            return forbidden;
        }

        // The save tells the agent's bells (DeskChangeInterceptor).
        var read = await notifications.MarkReadAsync(id, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(NotificationResponse.From(found with { Notification = read ?? found.Notification }));
    }

    internal static async Task<Results<Ok<NotificationsReadResponse>, ValidationProblem, ProblemHttpResult>> ReadAllAsync(
        ClaimsPrincipal user, NotificationService notifications, NotificationFeed feed, CancellationToken cancellationToken, long? agentId = null)
    {
        var (whose, forbidden) = Whose(user, agentId);
        if (forbidden is not null)
        {
            return forbidden;
        }

        if (whose is not { } agent)
        {
            var validator = new RequestValidator();
            validator.Add("agentId", "'agentId' is required with an API key: whose notifications to mark read.");
            return validator.Problem();
        }

        var marked = await notifications.MarkAllReadAsync(agent, cancellationToken).ConfigureAwait(false);

        // A bulk update bypasses the save interceptor: tell the agent's bells here.
        feed.Publish(new NotificationChange(new HashSet<long> { agent }));
        return TypedResults.Ok(new NotificationsReadResponse(marked));
    }

    /// <summary>Whose notifications the caller means: a signed-in agent their own (an admin anyone's); an API key what it names (null: all).</summary>
    private static (long? AgentId, ProblemHttpResult? Forbidden) Whose(ClaimsPrincipal user, long? agentId)
    {
        if (SignedInAgent.From(user) is not { } caller)
        {
            return (agentId, null);
        }

        if (agentId is null || agentId == caller.Id)
        {
            return (caller.Id, null);
        }

        return caller.Role == AgentRole.Admin
            ? (agentId, null)
            : (null, TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not your notifications", detail: "A signed-in agent sees and reads only their own notifications."));
    }
}
