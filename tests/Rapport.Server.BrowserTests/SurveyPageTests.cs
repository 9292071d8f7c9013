using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using Rapport.Desk.Data;
using Rapport.Desk.Surveys;

namespace Rapport.Server.BrowserTests;

/// <summary>The public survey page in a browser with JavaScript turned off, at phone size.</summary>
public sealed class SurveyPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotFolder, name + ".png");

    private async Task<long> ResolvedConversationAsync()
    {
        var first = (await browser.GetJsonAsync("/api/v1/conversations?sort=newest&limit=1")).GetProperty("items")[0];
        var id = first.GetProperty("id").GetInt64();
        using var response = await browser.Api.PutAsJsonAsync(new Uri($"/api/v1/conversations/{id}/status", UriKind.Relative), new { status = "resolved" });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return id;
    }

    [Fact]
    public async Task Customer_answers_the_survey_without_javascript_and_sees_the_thank_you_page() =>
        await browser.WithPageAsync("survey-no-js", javaScriptEnabled: false, Phone, async page =>
        {
            var conversation = await ResolvedConversationAsync();
            var url = (await browser.PostJsonAsync($"/api/v1/conversations/{conversation}/survey", new { })).GetProperty("url").GetString()!;

            var opened = await page.GotoAsync(url);
            Assert.Equal(200, opened!.Status);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "How did we do?" })).ToBeVisibleAsync();
            await page.ScreenshotAsync(new() { Path = Shot("survey-form-phone"), FullPage = true });

            // Sent with a comment but no ratings: the form comes back with both field errors and the comment kept.
            var comment = page.GetByLabel("Anything you would like to tell us?");
            await comment.FillAsync("Sam was patient with me and I felt listened to. Thank you!");
            await page.GetByRole(AriaRole.Button, new() { Name = "Send my answers" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("survey-errors")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("error-satisfaction")).ToContainTextAsync("from 1 to 5");
            await Assertions.Expect(page.GetByTestId("error-understood")).ToBeVisibleAsync();
            await Assertions.Expect(comment).ToHaveValueAsync("Sam was patient with me and I felt listened to. Thank you!");
            await page.ScreenshotAsync(new() { Path = Shot("survey-errors-phone"), FullPage = true });

            // The radio groups are fieldsets named by their question; each choice is labelled.
            var satisfaction = page.GetByRole(AriaRole.Group, new() { Name = "How satisfied are you with the help you received?" });
            await satisfaction.GetByLabel("Very satisfied").CheckAsync();
            var understood = page.GetByRole(AriaRole.Group, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Did you feel understood") });
            await understood.GetByLabel("Mostly").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Send my answers" }).ClickAsync();

            await Assertions.Expect(page.GetByTestId("survey-thanks")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Thank you!" })).ToBeVisibleAsync();
            await page.ScreenshotAsync(new() { Path = Shot("survey-thanks-phone"), FullPage = true });

            var answer = (await browser.GetJsonAsync($"/api/v1/conversations/{conversation}/surveys"))[0].GetProperty("answer");
            Assert.Equal(5, answer.GetProperty("satisfaction").GetInt32());
            Assert.Equal(4, answer.GetProperty("feltUnderstood").GetInt32());
            Assert.NotEmpty(answer.GetProperty("commentReading").GetProperty("labels").EnumerateArray());

            // Opening the link again: already answered.
            await page.GotoAsync(url);
            await Assertions.Expect(page.GetByTestId("survey-already")).ToBeVisibleAsync();
        });

    [Fact]
    public async Task An_expired_link_shows_a_clear_page_with_status_410() =>
        await browser.WithPageAsync("survey-expired", javaScriptEnabled: false, viewport: null, async page =>
        {
            var conversation = await ResolvedConversationAsync();
            string token;
            await using (var scope = browser.Services.CreateAsyncScope())
            {
                // Created 30 days ago by a service on a clock of its own: it expired 16 days ago.
                var services = scope.ServiceProvider;
                var past = new FixedClock(TimeProvider.System.GetUtcNow().AddDays(-30));
                var surveys = new SurveyService(services.GetRequiredService<RapportDbContext>(), past, services.GetRequiredService<IOptions<SurveyOptions>>());
                token = (await surveys.CreateAsync(conversation, CancellationToken.None))!.Token;
            }

            var response = await page.GotoAsync("/survey/" + token);
            Assert.Equal(410, response!.Status);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This survey has expired" })).ToBeVisibleAsync();
            await page.ScreenshotAsync(new() { Path = Shot("survey-expired") });

            var unknown = await page.GotoAsync("/survey/" + token[..^2] + (token.EndsWith("zz", StringComparison.Ordinal) ? "yy" : "zz"));
            Assert.Equal(404, unknown!.Status);
            await Assertions.Expect(page.GetByTestId("survey-unknown")).ToBeVisibleAsync();
        });

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
