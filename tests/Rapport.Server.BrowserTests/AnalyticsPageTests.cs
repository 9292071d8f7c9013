using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Rapport.Desk.Agents;
using Rapport.Desk.Analytics;

namespace Rapport.Server.BrowserTests;

/// <summary>The Analytics page over the demo desk: headline figures, charts, the agents table and drill-down.</summary>
public sealed class AnalyticsPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_lead_reads_empathy_consistency_and_satisfaction_and_drills_into_an_agent() =>
        await browser.WithPageAsync("analytics", async page =>
        {
            await using (var scope = browser.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<AnalyticsRollup>().RefreshAsync(CancellationToken.None);
            }

            await browser.SignInAsync(page, browser.Email(AgentRole.Admin));
            await page.GetByRole(AriaRole.Link, new() { Name = "Analytics" }).ClickAsync();
            await page.Locator(".analytics-page[data-ready=true]").WaitForAsync();

            var empathy = await page.GetByTestId("tile-empathy").InnerTextAsync();
            Assert.InRange(int.Parse(empathy, System.Globalization.CultureInfo.InvariantCulture), 1, 100);
            await Assertions.Expect(page.GetByTestId("tile-consistency-agents")).Not.ToHaveTextAsync("");
            await Assertions.Expect(page.GetByTestId("tile-satisfaction")).ToBeVisibleAsync();
            var rows = page.GetByTestId("agent-row");
            Assert.True(await rows.CountAsync() >= 2, "the demo's agents should have scored replies");
            await Assertions.Expect(page.Locator("[data-testid=week-chart] circle").First).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-testid=emotion-mix] rect").First).ToBeVisibleAsync();
            Assert.Contains("export.csv?view=agents", await page.Locator("a[href*='view=agents']").First.GetAttributeAsync("href") ?? "", StringComparison.Ordinal);

            // Drill down from an agent's name to the conversations behind their figures.
            var first = rows.First;
            var name = await first.Locator("th button").InnerTextAsync();
            await first.Locator("th button").ClickAsync();
            var drill = page.GetByTestId("drill");
            await Assertions.Expect(drill).ToContainTextAsync(name);
            Assert.True(await page.GetByTestId("drill-row").CountAsync() >= 1);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "analytics.png"), FullPage = true });

            // A week point drills too (keyboard works as well as the mouse).
            await page.Locator("[data-testid=week-chart] circle").Last.FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(drill).ToContainTextAsync("week of");
            await page.Locator("[data-testid=week-chart] circle").First.ClickAsync();
            await Assertions.Expect(drill).ToContainTextAsync("week of");

            // The conversation links open the conversation.
            await page.GetByTestId("drill-row").First.Locator("a").ClickAsync();
            await page.Locator(".conversation-page[data-ready=true]").WaitForAsync();
        });

    [Fact]
    public async Task A_range_the_wrong_way_round_gets_a_clear_message() =>
        await browser.WithPageAsync("analytics-range", async page =>
        {
            await browser.SignInAsync(page, browser.Email(AgentRole.Lead));
            await page.GotoAsync("/analytics");
            await page.Locator(".analytics-page[data-ready=true]").WaitForAsync();
            await page.Locator("#a-from").FillAsync("2026-05-10");
            await page.Locator("#a-to").FillAsync("2026-05-01");
            await page.GetByTestId("apply").ClickAsync();
            await Assertions.Expect(page.Locator(".analytics-page .error")).ToContainTextAsync("start date is after the end date");
        });
}
