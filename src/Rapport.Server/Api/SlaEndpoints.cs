using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Core.Sla;
using Rapport.Desk.Conversations;
using Rapport.Desk.Sla;
using Rapport.Server.Api.Contracts;

namespace Rapport.Server.Api;

/// <summary><c>/api/v1/sla</c>: policies per channel and priority, team hours, alerts for leads, share of SLAs met.</summary>
internal static class SlaEndpoints
{
    public const int MaxTargetMinutes = 43_200;
    public const int MaxHolidays = 200;

    private static readonly TimeSpan MaxRange = TimeSpan.FromDays(366);

    public static IEndpointRouteBuilder MapSla(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/sla").WithTags("SLA");
        group.MapGet("/policies", ListPoliciesAsync).WithName("ListSlaPolicies").WithSummary("The response targets per channel and priority band (business minutes).");
        group.MapPut("/policies/{channel}/{priority}", SavePolicyAsync).WithName("SaveSlaPolicy")
            .WithSummary("Sets the first- and next-response targets of a channel and priority band (low, normal, high, urgent); applies to clocks started from now.");
        group.MapGet("/teams/{id:long}/hours", GetHoursAsync).WithName("GetTeamHours").WithSummary("A team's business hours, time zone and holidays.");
        group.MapPut("/teams/{id:long}/hours", SaveHoursAsync).WithName("SaveTeamHours")
            .WithSummary("Sets a team's business hours (IANA time zone, open days, holidays); SLA clocks of its conversations run only in them.");
        group.MapGet("/alerts", ListAlertsAsync).WithName("ListSlaAlerts").WithSummary("Breach warnings and breaches for leads, newest first (?since=, ?team=). A signed-in lead sees their team's (and unassigned), an agent their own; another ?team= is a 403.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/performance", PerformanceAsync).WithName("SlaPerformance")
            .WithSummary("Share of responses within target per agent and team, by reply time from 'from' to 'to' inclusive (default: the last 30 days up to now; at most 366 days). A signed-in lead sees their team, an agent themselves.");
        return app;
    }

    internal static async Task<Ok<SlaPolicyResponse[]>> ListPoliciesAsync(SlaService sla, CancellationToken cancellationToken) =>
        TypedResults.Ok((await sla.ListPoliciesAsync(cancellationToken).ConfigureAwait(false)).Select(SlaPolicyResponse.From).ToArray());

    internal static async Task<Results<Ok<SlaPolicyResponse>, ValidationProblem>> SavePolicyAsync(
        string channel, string priority, SlaPolicyRequest request, SlaService sla, CancellationToken cancellationToken)
    {
        var validator = new RequestValidator();
        var channelValue = validator.Enum<Channel>("channel", channel, required: true);
        var priorityValue = validator.Enum<SlaPriority>("priority", priority, required: true);
        Minutes(validator, "firstResponseMinutes", request.FirstResponseMinutes);
        Minutes(validator, "nextResponseMinutes", request.NextResponseMinutes);
        if (!validator.IsValid || channelValue is not { } c || priorityValue is not { } p)
        {
            return validator.Problem();
        }

        var policy = await sla.SavePolicyAsync(c, p, request.FirstResponseMinutes!.Value, request.NextResponseMinutes!.Value, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(SlaPolicyResponse.From(policy));
    }

    internal static async Task<Results<Ok<TeamHoursResponse>, ProblemHttpResult>> GetHoursAsync(long id, SlaService sla, CancellationToken cancellationToken)
    {
        var (found, hours) = await sla.GetHoursAsync(id, cancellationToken).ConfigureAwait(false);
        return found ? TypedResults.Ok(TeamHoursResponse.From(id, hours)) : NotFound.Problem("Team", id);
    }

    internal static async Task<Results<Ok<TeamHoursResponse>, ValidationProblem, ProblemHttpResult>> SaveHoursAsync(
        long id, TeamHoursRequest request, SlaService sla, CancellationToken cancellationToken)
    {
        var validator = new RequestValidator();
        var zoneId = validator.Text("timeZone", request.TimeZone, required: true, maxLength: 64);
        if (zoneId is not null && TeamHoursText.Zone(zoneId) is null)
        {
            validator.Add("timeZone", $"'{zoneId}' is not a known time zone: use an IANA id such as Europe/London.");
        }

        var week = new Dictionary<DayOfWeek, BusinessHours>();
        if (request.Days is null)
        {
            validator.Add("days", "'days' is required: the open days ([] for none).");
        }
        else
        {
            for (var i = 0; i < request.Days.Count; i++)
            {
                Day(validator, $"days[{i}]", request.Days[i], week);
            }
        }

        var holidays = new List<DateOnly>();
        if (request.Holidays is { } list)
        {
            if (list.Count > MaxHolidays)
            {
                validator.Add("holidays", $"At most {MaxHolidays} holidays; there are {list.Count}.");
            }
            else
            {
                for (var i = 0; i < list.Count; i++)
                {
                    if (DateOnly.TryParseExact(list[i], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                    {
                        holidays.Add(day);
                    }
                    else
                    {
                        validator.Add($"holidays[{i}]", "A holiday is a date as yyyy-MM-dd.");
                    }
                }
            }
        }

        if (!validator.IsValid || zoneId is null)
        {
            return validator.Problem();
        }

        return await sla.SaveHoursAsync(id, zoneId, week, holidays, cancellationToken).ConfigureAwait(false) is { } hours
            ? TypedResults.Ok(TeamHoursResponse.From(id, hours))
            : NotFound.Problem("Team", id);
    }

    internal static async Task<Results<Ok<SlaAlertResponse[]>, ProblemHttpResult>> ListAlertsAsync(
        ClaimsPrincipal user, SlaService sla, CancellationToken cancellationToken, DateTimeOffset? since = null, long? team = null)
    {
        var (visible, forbidden) = LeadScope.Of(user, team);
        return forbidden is not null
            ? forbidden
            : TypedResults.Ok((await sla.ListAlertsAsync(since, team, visible, cancellationToken).ConfigureAwait(false)).Select(SlaAlertResponse.From).ToArray());
    }

    internal static async Task<Results<Ok<SlaPerformanceResponse>, ValidationProblem>> PerformanceAsync(
        ClaimsPrincipal user, SlaService sla, TimeProvider time, CancellationToken cancellationToken, DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        var end = to ?? time.GetUtcNow();
        var start = from ?? end - TimeSpan.FromDays(30);
        var validator = new RequestValidator();
        if (start >= end)
        {
            validator.Add("from", "'from' must be before 'to'.");
        }
        else if (end - start > MaxRange)
        {
            validator.Add("to", "The range is at most 366 days.");
        }

        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        return TypedResults.Ok(SlaPerformanceResponse.Create(start, end, await sla.PerformanceAsync(start, end, LeadScope.Of(user, null).Visibility, cancellationToken).ConfigureAwait(false)));
    }

    private static void Minutes(RequestValidator validator, string field, int? value)
    {
        if (value is null)
        {
            validator.Add(field, $"'{field}' is required.");
        }
        else if (value < 1 || value > MaxTargetMinutes)
        {
            validator.Add(field, $"'{field}' must be between 1 and {MaxTargetMinutes}.");
        }
    }

    private static void Day(RequestValidator validator, string field, BusinessDayRequest? day, Dictionary<DayOfWeek, BusinessHours> week)
    {
        if (day is null)
        {
            validator.Add(field, "A day is an object with day, open and close.");
            return;
        }

        var name = validator.Enum<DayOfWeek>($"{field}.day", day.Day, required: true);
        var open = TimeOf(validator, $"{field}.open", day.Open);
        var close = TimeOf(validator, $"{field}.close", day.Close);
        if (name is not { } d || open is not { } o || close is not { } c)
        {
            return;
        }

        if (c <= o)
        {
            validator.Add($"{field}.close", "'close' must be after 'open'.");
        }
        else if (!week.TryAdd(d, new BusinessHours(o, c)))
        {
            validator.Add($"{field}.day", $"'{day.Day}' is listed twice.");
        }
    }

    private static TimeSpan? TimeOf(RequestValidator validator, string field, string? value)
    {
        if (value is null)
        {
            validator.Add(field, $"'{field}' is required (HH:mm).");
            return null;
        }

        if (!TeamHoursText.TryTime(value, out var time))
        {
            validator.Add(field, $"'{field}' must be a time as HH:mm between 00:00 and 24:00.");
            return null;
        }

        return time;
    }
}
