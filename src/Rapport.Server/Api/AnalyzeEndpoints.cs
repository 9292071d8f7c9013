using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Core.Emotions;
using Rapport.Server.Api.Contracts;

namespace Rapport.Server.Api;

/// <summary><c>POST /api/v1/analyze</c>: the emotion reading of a text (stateless).</summary>
internal static class AnalyzeEndpoints
{
    public static IEndpointRouteBuilder MapAnalyze(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/analyze").WithTags("Engine");
        group.MapPost("", Analyze)
            .WithName("Analyze")
            .WithSummary("Reads the emotions in a text: labels, scores, valence, intensity, escalation risk and evidence.");
        return app;
    }

    internal static Results<Ok<ReadingResponse>, ValidationProblem> Analyze(AnalyzeRequest request)
    {
        var validator = new RequestValidator();
        var text = validator.Text("text", request.Text, required: true);
        if (!validator.IsValid || text is null)
        {
            return validator.Problem();
        }

        return TypedResults.Ok(ReadingResponse.From(EmotionAnalyzer.Default.Analyze(text), text));
    }
}
