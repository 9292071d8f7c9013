using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Desk.Surveys;

namespace Rapport.Server.Components.Surveys;

/// <summary>
/// The public survey page, <c>/survey/{token}</c>: no sign-in, no JavaScript. GET shows the form (or why it cannot be
/// answered); POST validates, stores once and shows the thank-you page. Statuses: 200 form and thanks, 400 the form
/// again with field errors and the values kept, 404 unknown or tampered token, 409 already answered, 410 expired.
/// </summary>
internal static class SurveyPageEndpoints
{
    public const string PathPrefix = "/survey/";

    public static IEndpointRouteBuilder MapSurveyPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/survey/{token}", ShowAsync).ExcludeFromDescription();
        app.MapPost("/survey/{token}", AnswerAsync).ExcludeFromDescription().DisableAntiforgery();
        return app;
    }

    /// <summary>The link a customer opens: <paramref name="publicBaseUrl"/> when configured, else the request's own address.</summary>
    public static string PublicUrl(string? publicBaseUrl, HttpRequest request, string token)
    {
        ArgumentNullException.ThrowIfNull(request);
        var root = string.IsNullOrWhiteSpace(publicBaseUrl) ? $"{request.Scheme}://{request.Host}{request.PathBase}" : publicBaseUrl;
        return root.TrimEnd('/') + PathPrefix + token;
    }

    internal static async Task<RazorComponentResult<SurveyDocument>> ShowAsync(
        string token, SurveyService surveys, IAntiforgery antiforgery, HttpContext context, CancellationToken cancellationToken)
    {
        var page = await surveys.OpenAsync(token, cancellationToken).ConfigureAwait(false);
        return page.State switch
        {
            SurveyState.Open => Render(context, Form(token, page, antiforgery, context), StatusCodes.Status200OK),
            SurveyState.Answered => Render(context, new SurveyPageModel(SurveyView.AlreadyAnswered), StatusCodes.Status200OK),
            SurveyState.Expired => Render(context, new SurveyPageModel(SurveyView.Expired), StatusCodes.Status410Gone),
            _ => Render(context, new SurveyPageModel(SurveyView.Unknown), StatusCodes.Status404NotFound),
        };
    }

    internal static async Task<RazorComponentResult<SurveyDocument>> AnswerAsync(
        string token, SurveyService surveys, IAntiforgery antiforgery, HttpContext context, CancellationToken cancellationToken)
    {
        // The token decides first: an expired or unknown link gets its page, whatever the form holds.
        var page = await surveys.OpenAsync(token, cancellationToken).ConfigureAwait(false);
        switch (page.State)
        {
            case SurveyState.Unknown:
                return Render(context, new SurveyPageModel(SurveyView.Unknown), StatusCodes.Status404NotFound);
            case SurveyState.Expired:
                return Render(context, new SurveyPageModel(SurveyView.Expired), StatusCodes.Status410Gone);
            case SurveyState.Answered:
                return Render(context, new SurveyPageModel(SurveyView.AlreadyAnswered), StatusCodes.Status409Conflict);
        }

        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is BadHttpRequestException or InvalidDataException or InvalidOperationException)
        {
            // Not a form, or one over the size limits: the empty form again, never a stack trace.
            var status = e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status400BadRequest;
            return Render(context, Form(token, page, antiforgery, context) with { Errors = FormError("The form could not be read. Please fill it in again.") }, status);
        }

        var satisfaction = form["satisfaction"].ToString();
        var understood = form["understood"].ToString();
        var comment = form["comment"].ToString();
        var typed = Form(token, page, antiforgery, context) with { Satisfaction = satisfaction, Understood = understood, Comment = comment };
        if (!await antiforgery.IsRequestValidAsync(context).ConfigureAwait(false))
        {
            return Render(context, typed with { Errors = FormError("This form was open for too long or came from another page. Please check your answers and send it again.") }, StatusCodes.Status400BadRequest);
        }

        if (SurveyAnswer.Parse(satisfaction, understood, comment, out var errors) is not { } answer)
        {
            return Render(context, typed with { Errors = errors }, StatusCodes.Status400BadRequest);
        }

        return await surveys.AnswerAsync(token, answer, cancellationToken).ConfigureAwait(false) switch
        {
            SurveyAnswerOutcome.Stored => Render(context, new SurveyPageModel(SurveyView.Thanks), StatusCodes.Status200OK),
            SurveyAnswerOutcome.AlreadyAnswered => Render(context, new SurveyPageModel(SurveyView.AlreadyAnswered), StatusCodes.Status409Conflict),
            SurveyAnswerOutcome.Expired => Render(context, new SurveyPageModel(SurveyView.Expired), StatusCodes.Status410Gone),
            _ => Render(context, new SurveyPageModel(SurveyView.Unknown), StatusCodes.Status404NotFound),
        };
    }

    private static SurveyPageModel Form(string token, SurveyPage page, IAntiforgery antiforgery, HttpContext context)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return new SurveyPageModel(SurveyView.Form)
        {
            Token = token,
            Subject = page.Subject,
            AgentFirstName = page.AgentFirstName,
            AntiforgeryField = tokens.FormFieldName,
            AntiforgeryToken = tokens.RequestToken,
        };
    }

    private static Dictionary<string, string> FormError(string message) => new(StringComparer.Ordinal) { ["form"] = message };

    private static RazorComponentResult<SurveyDocument> Render(HttpContext context, SurveyPageModel model, int status)
    {
        // The token is in the URL: keep it out of caches and of other sites' Referer headers.
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers["Referrer-Policy"] = "no-referrer";
        return new RazorComponentResult<SurveyDocument>(new { Model = model }) { StatusCode = status };
    }
}
