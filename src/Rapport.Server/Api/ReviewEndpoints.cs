using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Core.Coaching;
using Rapport.Server.Api.Contracts;

namespace Rapport.Server.Api;

/// <summary><c>POST /api/v1/review</c>: the empathy review of a draft reply (stateless).</summary>
internal static class ReviewEndpoints
{
    private const int MaxCustomerMessages = 50;
    private const int MaxNameLength = 200;

    public static IEndpointRouteBuilder MapReview(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/review").WithTags("Engine");
        group.MapPost("", Review)
            .WithName("Review")
            .WithSummary("Reviews a draft reply against the customer's messages: score, findings with suggestions, EPITOME mechanisms.");
        return app;
    }

    internal static Results<Ok<ReviewResponse>, ValidationProblem> Review(ReviewRequest request)
    {
        var validator = new RequestValidator();
        var customer = CustomerMessages(validator, request.Customer);
        var reply = validator.Text("reply", request.Reply, required: true);
        var name = validator.Text("name", request.Name, required: false, MaxNameLength);
        var agent = validator.Text("agent", request.Agent, required: false, MaxNameLength);
        if (!validator.IsValid || reply is null || customer is null)
        {
            return validator.Problem();
        }

        var review = EmpathyCoach.Default.Review(reply, new ReviewContext(customer, name, agent, request.AtFault));
        return TypedResults.Ok(ReviewResponse.From(review, reply));
    }

    private static List<string>? CustomerMessages(RequestValidator validator, JsonElement customer)
    {
        switch (customer.ValueKind)
        {
            case JsonValueKind.String:
                return validator.Text("customer", customer.GetString(), required: true) is { } one ? [one] : null;
            case JsonValueKind.Array:
                var count = customer.GetArrayLength();
                if (count is 0 or > MaxCustomerMessages)
                {
                    validator.Add("customer", $"'customer' must hold 1 to {MaxCustomerMessages} messages.");
                    return null;
                }

                var messages = new List<string>(count);
                var i = 0;
                foreach (var item in customer.EnumerateArray())
                {
                    var field = $"customer[{i++}]";
                    if (item.ValueKind != JsonValueKind.String)
                    {
                        validator.Add(field, $"'{field}' must be a string.");
                    }
                    else if (validator.Text(field, item.GetString(), required: true) is { } text)
                    {
                        messages.Add(text);
                    }
                }

                return messages.Count == count ? messages : null;
            case JsonValueKind.Undefined or JsonValueKind.Null:
                validator.Add("customer", "'customer' is required: a message or an array of messages.");
                return null;
            default:
                validator.Add("customer", "'customer' must be a string or an array of strings.");
                return null;
        }
    }
}
