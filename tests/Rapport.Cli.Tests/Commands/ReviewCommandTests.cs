using System.Text.Json;
using Rapport.Core.Coaching;

namespace Rapport.Cli.Tests.Commands;

public sealed class ReviewCommandTests
{
    private const string Customer = "My order arrived damaged and I need it for Saturday";
    private const string GoodReply =
        "I am really sorry to hear that your order arrived damaged, and I completely understand how disappointing this must be. " +
        "Let me make this right by arranging a return and sending a replacement right away.";

    private static readonly string[] Statuses = ["met", "missed", "notApplicable"];

    [Fact]
    public async Task Json_has_score_a_finding_per_practice_and_the_mechanisms()
    {
        var result = await Cli.RunAsync("review", "--customer", Customer, "--reply", GoodReply, "--name", "Maria", "--json");

        Cli.AssertSuccess(result);
        var review = Assert.Single(result.JsonLines);
        Assert.InRange(review.GetProperty("score").GetInt32(), 0, 100);

        var findings = review.GetProperty("findings").EnumerateArray().ToArray();
        var expected = Enum.GetNames<Practice>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]);
        Assert.Equal(expected, findings.Select(f => f.GetProperty("practice").GetString()));
        Assert.Contains("acknowledgesFeeling", findings.Select(f => f.GetProperty("practice").GetString()));
        foreach (var finding in findings)
        {
            Assert.Contains(finding.GetProperty("status").GetString(), Statuses);
            Assert.True(finding.GetProperty("weight").GetInt32() >= 0);
            Assert.Equal(JsonValueKind.Array, finding.GetProperty("evidence").ValueKind);
            Assert.True(finding.TryGetProperty("suggestion", out _));
            foreach (var range in finding.GetProperty("evidence").EnumerateArray())
            {
                var start = range.GetProperty("start").GetInt32();
                var end = range.GetProperty("end").GetInt32();
                Assert.Equal(GoodReply[start..end], range.GetProperty("text").GetString());
            }
        }

        var mechanisms = review.GetProperty("mechanisms");
        foreach (var name in new[] { "emotionalReactions", "interpretations", "explorations" })
        {
            Assert.InRange(mechanisms.GetProperty(name).GetInt32(), 0, 2);
        }

        Assert.Equal(JsonValueKind.Array, review.GetProperty("customer").GetProperty("labels").ValueKind);
    }

    [Fact]
    public async Task A_curt_reply_scores_lower_than_an_empathetic_one_and_gets_suggestions()
    {
        var good = await Cli.RunAsync("review", "-c", Customer, "-r", GoodReply, "--json");
        var curt = await Cli.RunAsync("review", "-c", Customer, "-r", "Return it via the portal.", "--json");

        var curtReview = Assert.Single(curt.JsonLines);
        Assert.True(curtReview.GetProperty("score").GetInt32() < Assert.Single(good.JsonLines).GetProperty("score").GetInt32());
        Assert.Contains(
            curtReview.GetProperty("findings").EnumerateArray(),
            f => f.GetProperty("status").GetString() == "missed" && !string.IsNullOrEmpty(f.GetProperty("suggestion").GetString()));
    }

    [Fact]
    public async Task Input_file_reviews_every_line_with_customer_strings_or_arrays()
    {
        using var temp = new TempDirectory();
        var path = temp.File("cases.jsonl", $$"""
            {"id": 1, "customer": "{{Customer}}", "reply": "{{GoodReply}}", "name": "Maria", "atFault": true}
            {"id": 2, "customer": ["Hi, where is my parcel?", "It's been two weeks, still nothing!"], "reply": "Return it via the portal.", "agent": "Sam"}
            """);

        var result = await Cli.RunAsync("review", "--input", path, "--json");

        Cli.AssertSuccess(result);
        var reviews = result.JsonLines;
        Assert.Equal([1, 2], reviews.Select(r => r.GetProperty("id").GetInt32()));
        Assert.Equal([1, 2], reviews.Select(r => r.GetProperty("line").GetInt32()));
        Assert.All(reviews, r => Assert.Equal(Enum.GetValues<Practice>().Length, r.GetProperty("findings").GetArrayLength()));
    }

    [Fact]
    public async Task Human_output_shows_the_score_the_checklist_and_the_mechanisms()
    {
        var result = await Cli.RunAsync("review", "--customer", Customer, "--reply", "Return it via the portal.");

        Cli.AssertSuccess(result);
        Assert.Contains("Empathy score:", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("✗ missed", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Acknowledges the feeling", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Emotional reactions", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", result.Stdout, StringComparison.Ordinal);
    }
}
