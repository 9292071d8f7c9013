using Microsoft.Playwright;
using Rapport.Desk.Agents;

namespace Rapport.Server.BrowserTests;

/// <summary>"Compose empathetic reply" turns a curt answer into a warm reply the agent can still edit.</summary>
public sealed class ComposeTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Compose_wraps_the_curt_answer_and_the_score_rises() =>
        await browser.WithPageAsync("compose", async page =>
        {
            await browser.SignInAsync(page, browser.Email(AgentRole.Admin));
            await page.Locator("[data-testid=inbox-row] a.row-link").First.ClickAsync();
            await page.Locator(".conversation-page[data-ready=true]").WaitForAsync();

            var box = page.GetByTestId("reply-box");
            await box.FillAsync("Return it via the portal.");
            var acknowledge = page.Locator("[data-testid=checklist] li[data-practice=AcknowledgesFeeling]");
            await Assertions.Expect(acknowledge).ToHaveAttributeAsync("data-status", "missed");
            var before = int.Parse(await page.GetByTestId("coach-score").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);

            await page.GetByTestId("compose").ClickAsync();

            await Assertions.Expect(acknowledge).ToHaveAttributeAsync("data-status", "met");
            var composed = await box.InputValueAsync();
            Assert.Contains("Return it via the portal.", composed, StringComparison.Ordinal);
            Assert.True(composed.Length > "Return it via the portal.".Length * 3, composed);
            var after = int.Parse(await page.GetByTestId("coach-score").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(after >= 80 && after > before, $"score {before} -> {after}");

            // Still the agent's to edit: typing after composing is reviewed again.
            await box.PressAsync("End");
            await box.PressSequentiallyAsync(" Thanks!");
            await Assertions.Expect(box).ToHaveValueAsync(composed + " Thanks!");
        });
}
