using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Rapport.Desk.Agents;
using Rapport.Desk.Data;

namespace Rapport.Server.BrowserTests;

/// <summary>The Kudos page: a lead accepts a suggestion (a strong reply the customer praised by name) and gives kudos; both reach the wall.</summary>
public sealed class KudosTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Reply = "I'm so sorry the stand arrived cracked, that's upsetting right before a party. I've sent a new one by express today.";

    [Fact]
    public async Task A_lead_accepts_a_suggestion_and_gives_kudos_and_both_appear_on_the_wall() =>
        await browser.WithPageAsync("kudos-wall", async page =>
        {
            var (agentId, agentName, reply) = await SuggestionAsync();
            await browser.SignInAsync(page, browser.Email(AgentRole.Lead));
            await page.GetByRole(AriaRole.Link, new() { Name = "Kudos", Exact = true }).ClickAsync();
            await page.Locator(".kudos-page[data-ready=true]").WaitForAsync();

            var suggestion = page.Locator($"[data-testid=kudos-suggestion][data-id='{reply}']");
            await Assertions.Expect(suggestion).ToContainTextAsync("Empathy 95");
            await Assertions.Expect(suggestion).ToContainTextAsync($"Thank you so much {agentName.Split(' ')[0]}, you were brilliant!");
            await suggestion.GetByRole(AriaRole.Button, new() { Name = $"Accept kudos for {agentName}" }).ClickAsync();
            await Assertions.Expect(suggestion).ToHaveCountAsync(0);
            var accepted = page.GetByTestId("kudos-card").Filter(new() { HasText = "Customer praise, accepted by" });
            await Assertions.Expect(accepted.First).ToContainTextAsync(agentName);
            await Assertions.Expect(accepted.First).ToContainTextAsync("I've sent a new one by express today.");

            const string note = "<b>Thank you</b> for covering the late queue!";
            await page.Locator("#kudos-agent").SelectOptionAsync(agentId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await page.Locator("#kudos-note").FillAsync(note);
            await page.GetByTestId("give-kudos").ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Kudos sent to {agentName}.");
            var given = page.GetByTestId("kudos-card").First;
            await Assertions.Expect(given.Locator(".kudos-note")).ToHaveTextAsync(note);
            Assert.Equal(0, await given.Locator("b").CountAsync());
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "kudos-wall.png"), FullPage = true });
        });

    /// <summary>A demo conversation in the lead's team: a reply by a teammate (its stored score set to 95) and the customer's thanks by name.</summary>
    private async Task<(long AgentId, string AgentName, long Reply)> SuggestionAsync()
    {
        await using var scope = browser.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
        var leadEmail = browser.Email(AgentRole.Lead);
        var lead = await db.Agents.AsNoTracking().FirstAsync(a => a.Email == leadEmail);
        var agent = await db.Agents.AsNoTracking().Where(a => a.TeamId == lead.TeamId && a.Role == AgentRole.Agent).OrderBy(a => a.Id).FirstAsync();
        var customer = await db.Customers.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();

        var conversation = (await browser.PostJsonAsync("/api/v1/conversations", new { customerId = customer, channel = "email", subject = "Cracked cake stand (kudos)", message = "My cake stand arrived cracked." }))
            .GetProperty("conversation").GetProperty("id").GetInt64();
        var reply = (await browser.PostJsonAsync($"/api/v1/conversations/{conversation}/messages", new { author = "agent", agentId = agent.Id, body = Reply }))
            .GetProperty("message").GetProperty("id").GetInt64();
        await db.MessageReviews.Where(r => r.MessageId == reply).ExecuteUpdateAsync(s => s.SetProperty(r => r.Score, 95));
        await browser.PostJsonAsync($"/api/v1/conversations/{conversation}/messages", new { author = "customer", body = $"It came this morning. Thank you so much {agent.Name.Split(' ')[0]}, you were brilliant!" });
        return (agent.Id, agent.Name, reply);
    }
}
