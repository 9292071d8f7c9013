using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Desk.Customers;
using Rapport.Server.Api.Contracts;

namespace Rapport.Server.Api;

/// <summary><c>/api/v1/customers</c>: list (paged), get, create, update, insight.</summary>
internal static class CustomerEndpoints
{
    private const int MaxPageSize = 200;
    private const int MaxTags = 20;

    public static IEndpointRouteBuilder MapCustomers(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/customers").WithTags("Customers");
        group.MapGet("", ListAsync).WithName("ListCustomers").WithSummary("Lists customers by id, a page at a time.");
        group.MapGet("/{id:long}", GetAsync).WithName("GetCustomer").WithSummary("Gets a customer.");
        group.MapPost("", CreateAsync).WithName("CreateCustomer").WithSummary("Creates a customer.");
        group.MapPut("/{id:long}", UpdateAsync).WithName("UpdateCustomer").WithSummary("Replaces a customer's fields.");
        group.MapGet("/{id:long}/insight", InsightAsync).WithName("GetCustomerInsight")
            .WithSummary("Contact history across channels, emotion trend, repeat contacts, open issues and what they may need next, with the evidence.");
        return app;
    }

    internal static async Task<Results<Ok<PageResponse<CustomerResponse>>, ValidationProblem>> ListAsync(
        CustomerService customers, CancellationToken cancellationToken, int page = 1, int pageSize = 25)
    {
        var validator = new RequestValidator();
        validator.Range("page", page, 1, int.MaxValue / MaxPageSize);
        validator.Range("pageSize", pageSize, 1, MaxPageSize);
        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        var result = await customers.ListAsync(page, pageSize, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new PageResponse<CustomerResponse>([.. result.Items.Select(CustomerResponse.From)], result.Page, result.PageSize, result.Total));
    }

    internal static async Task<Results<Ok<CustomerResponse>, ProblemHttpResult>> GetAsync(long id, CustomerService customers, CancellationToken cancellationToken) =>
        await customers.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } customer
            ? TypedResults.Ok(CustomerResponse.From(customer))
            : NotFound.Problem("Customer", id);

    internal static async Task<Results<Ok<CustomerInsightResponse>, ProblemHttpResult>> InsightAsync(long id, CustomerService customers, CancellationToken cancellationToken) =>
        await customers.GetInsightAsync(id, cancellationToken).ConfigureAwait(false) is { } insight
            ? TypedResults.Ok(CustomerInsightResponse.From(insight))
            : NotFound.Problem("Customer", id);

    internal static async Task<Results<Created<CustomerResponse>, ValidationProblem>> CreateAsync(
        CustomerRequest request, CustomerService customers, CancellationToken cancellationToken)
    {
        var validator = new RequestValidator();
        if (Validate(validator, request) is not { } fields)
        {
            return validator.Problem();
        }

        var customer = await customers.CreateAsync(fields, cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"/api/v1/customers/{customer.Id}", CustomerResponse.From(customer));
    }

    internal static async Task<Results<Ok<CustomerResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        long id, CustomerRequest request, CustomerService customers, CancellationToken cancellationToken)
    {
        var validator = new RequestValidator();
        if (Validate(validator, request) is not { } fields)
        {
            return validator.Problem();
        }

        return await customers.UpdateAsync(id, fields, cancellationToken).ConfigureAwait(false) is { } customer
            ? TypedResults.Ok(CustomerResponse.From(customer))
            : NotFound.Problem("Customer", id);
    }

    private static CustomerFields? Validate(RequestValidator validator, CustomerRequest request)
    {
        var name = validator.Text("name", request.Name, required: true, maxLength: 200);
        var email = validator.Text("email", request.Email, required: false, maxLength: 320);
        if (email is not null && (!email.Contains('@', StringComparison.Ordinal) || email.Any(char.IsWhiteSpace)))
        {
            validator.Add("email", $"'{email}' is not an e-mail address.");
        }

        var language = validator.Text("preferredLanguage", request.PreferredLanguage, required: false, maxLength: 8);
        if (language is not null && !(language.Length is 2 or 3 && language.All(char.IsAsciiLetterLower)))
        {
            validator.Add("preferredLanguage", "'preferredLanguage' must be an ISO 639 code such as \"en\".");
        }

        var tags = new List<string>();
        if (request.Tags is { } requested)
        {
            if (requested.Count > MaxTags)
            {
                validator.Add("tags", $"At most {MaxTags} tags.");
            }

            for (var i = 0; i < requested.Count && i < MaxTags; i++)
            {
                if (validator.Text($"tags[{i}]", requested[i], required: true, maxLength: 50) is { } tag)
                {
                    tags.Add(tag.Trim().ToLowerInvariant());
                }
            }
        }

        var notes = validator.Text("notes", request.Notes, required: false, maxLength: 4000);
        return validator.IsValid && name is not null ? new CustomerFields(name.Trim(), email, language, [.. tags.Distinct()], notes) : null;
    }
}
