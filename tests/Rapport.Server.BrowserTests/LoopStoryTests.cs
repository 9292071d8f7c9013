using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Rapport.Desk.Agents;
using Rapport.Desk.Data;

namespace Rapport.Server.BrowserTests;

/// <summary>The demo's loop stories as a lead sees them (README, "see the loop in the demo"), and the analytics beside them.</summary>
public sealed class LoopStoryTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private async Task<long> ConversationAsync(string subject)
    {
        await using var scope = browser.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RapportDbContext>().Conversations.Where(c => c.Subject == subject).Select(c => c.Id).SingleAsync();
    }

    [Fact]
    public async Task A_lead_watches_the_loop_story_from_breach_warning_to_kudos() =>
        await browser.WithPageAsync("loop-story", async page =>
        {
            var id = await ConversationAsync("Garden table order is late");
            await browser.SignInAsync(page, browser.Email(AgentRole.Lead));
            await page.GotoAsync($"/conversations/{id}");
            await page.Locator(".conversation-page[data-ready=true]").WaitForAsync();

            var timeline = page.GetByTestId("loop-timeline");
            await Assertions.Expect(timeline).ToBeVisibleAsync();
            var kinds = await timeline.GetByTestId("loop-step").EvaluateAllAsync<string[]>("steps => steps.map(s => s.dataset.kind)");
            string[] loop = ["opened", "sla-warning", "reply", "promise-made", "promise-kept", "resolved", "check-in", "survey-answered", "kudos"];
            var at = -1;
            foreach (var kind in loop)
            {
                var next = Array.FindIndex(kinds, at + 1, k => k == kind);
                Assert.True(next > at, $"{kind} after step {at} in {string.Join(", ", kinds)}");
                at = next;
            }

            await Assertions.Expect(timeline).ToContainTextAsync("I'll update you by tomorrow 5pm");
            await Assertions.Expect(timeline).ToContainTextAsync("Sam was fantastic");
            await Assertions.Expect(timeline).ToContainTextAsync("accepted by Alex Morgan");
            await timeline.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "loop-story-timeline.png") });
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "loop-story.png"), FullPage = true });
        });

    [Fact]
    public async Task A_lead_marks_the_promise_due_soon_kept_from_the_timeline() =>
        await browser.WithPageAsync("loop-promise", async page =>
        {
            var id = await ConversationAsync("Replacement kettle: when will it come?");
            await browser.SignInAsync(page, browser.Email(AgentRole.Lead));
            await page.GotoAsync($"/conversations/{id}");
            await page.Locator(".conversation-page[data-ready=true]").WaitForAsync();

            var timeline = page.GetByTestId("loop-timeline");
            await Assertions.Expect(timeline.Locator("[data-kind=promise-due]")).ToBeVisibleAsync();
            await timeline.GetByTestId("mark-kept").ClickAsync();
            await Assertions.Expect(timeline.Locator("[data-kind=promise-kept]")).ToContainTextAsync("Promise kept");
            await Assertions.Expect(timeline.Locator("[data-kind=promise-due]")).ToHaveCountAsync(0);
            await timeline.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "loop-promise-kept.png") });
        });

    [Fact]
    public async Task A_lead_reads_empathy_consistency_satisfaction_and_promises_kept_on_one_page() =>
        await browser.WithPageAsync("analytics-loop", async page =>
        {
            await browser.SignInAsync(page, browser.Email(AgentRole.Lead));
            await page.GotoAsync("/analytics");
            await page.Locator(".analytics-page[data-ready=true]").WaitForAsync();

            await Assertions.Expect(page.GetByTestId("tile-empathy")).Not.ToHaveTextAsync("–");
            await Assertions.Expect(page.GetByTestId("tile-consistency-agents")).Not.ToHaveTextAsync("–");
            await Assertions.Expect(page.GetByTestId("tile-satisfaction")).Not.ToHaveTextAsync("–");
            await Assertions.Expect(page.GetByTestId("tile-promises")).ToContainTextAsync("%");
            await Assertions.Expect(page.Locator("[data-testid=promises-chart] circle").First).ToBeVisibleAsync();
            Assert.True(await page.GetByTestId("promise-row").CountAsync() >= 2);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "analytics-loop.png"), FullPage = true });

            // The kept numbers drill down to the conversations behind them.
            await page.GetByTestId("promise-row").First.Locator("td button").First.ClickAsync();
            await Assertions.Expect(page.GetByTestId("drill")).ToContainTextAsync("kept on time");
        });
}
