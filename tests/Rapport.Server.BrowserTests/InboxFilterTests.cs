using Microsoft.Playwright;
using Rapport.Desk.Agents;

namespace Rapport.Server.BrowserTests;

/// <summary>The inbox filters narrow the rows without a page reload; clearing them brings every row back.</summary>
public sealed class InboxFilterTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Emotion_and_status_filters_narrow_the_inbox() =>
        await browser.WithPageAsync("inbox-filters", async page =>
        {
            await browser.SignInAsync(page, browser.Email(AgentRole.Admin));
            var rows = page.Locator("[data-testid=inbox-row]");
            await rows.First.WaitForAsync();
            var all = await rows.CountAsync();

            // Grateful customers only: every row carries the Grateful badge, and there are fewer rows.
            await page.GetByLabel("Emotion").SelectOptionAsync("gratitude");
            await Assertions.Expect(rows).Not.ToHaveCountAsync(all);
            var grateful = await rows.CountAsync();
            Assert.True(grateful > 0, "the demo has grateful customers");
            for (var i = 0; i < grateful; i++)
            {
                await Assertions.Expect(rows.Nth(i).Locator("[data-emotion=gratitude]")).ToBeVisibleAsync();
            }

            // Confused customers are a different set.
            await page.GetByLabel("Emotion").SelectOptionAsync("confusion");
            await Assertions.Expect(rows.First.Locator("[data-emotion=confusion]")).ToBeVisibleAsync();
            Assert.Equal(0, await page.Locator("[data-testid=inbox-row]:not(:has([data-emotion=confusion]))").CountAsync());

            // Back to everything; then resolved conversations only (nobody waits on them).
            await page.GetByLabel("Emotion").SelectOptionAsync("");
            await Assertions.Expect(rows).ToHaveCountAsync(all);
            // The demo's history holds more resolved conversations than a page shows, so the row count alone cannot
            // tell the filter worked: every row must now say Resolved.
            await page.GetByLabel("Status").SelectOptionAsync("Resolved");
            await Assertions.Expect(page.Locator("[data-testid=inbox-row]:not(:has(.status-resolved))")).ToHaveCountAsync(0);
            await Assertions.Expect(rows.First.Locator(".status-resolved")).ToBeVisibleAsync();
            Assert.Equal(0, await page.Locator("[data-testid=inbox-row].row-waiting").CountAsync());
        });
}
