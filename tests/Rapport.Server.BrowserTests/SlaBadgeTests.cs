using Microsoft.Playwright;
using Rapport.Desk.Agents;

namespace Rapport.Server.BrowserTests;

/// <summary>The inbox marks conversations whose response clock breached (red, clock icon, words), and never a resolved one.</summary>
public sealed class SlaBadgeTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Breached_conversations_carry_a_red_SLA_badge_with_words_and_resolved_ones_none() =>
        await browser.WithPageAsync("sla-badges", async page =>
        {
            await browser.SignInAsync(page, browser.Email(AgentRole.Admin));
            var rows = page.Locator("[data-testid=inbox-row]");
            await rows.First.WaitForAsync();

            // The demo's customers have waited hours: some first replies are long overdue.
            var breached = page.Locator("[data-testid=sla-badge][data-sla=breached]");
            await Assertions.Expect(breached.First).ToBeVisibleAsync();
            await Assertions.Expect(breached.First).ToContainTextAsync("SLA breached");
            await Assertions.Expect(breached.First).ToContainTextAsync("over");
            await Assertions.Expect(breached.First).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("sla-breached"));
            Assert.Equal("\u23F0", (await breached.First.Locator(".badge-icon").InnerTextAsync()).Trim());
            Assert.Equal(0, await page.Locator("[data-testid=inbox-row]:not(.row-waiting) [data-testid=sla-badge]").CountAsync());

            await page.GetByLabel("Status").SelectOptionAsync("Resolved");
            await Assertions.Expect(rows.First).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-testid=sla-badge]")).ToHaveCountAsync(0);
        });
}
