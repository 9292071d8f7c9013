using Microsoft.Playwright;

namespace Rapport.Server.BrowserTests;

/// <summary>An upset chat customer is handed to a person by the assistant; the assigned agent opens the conversation and reads the brief first.</summary>
public sealed class HandOffBriefTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_assigned_agent_sees_the_hand_off_brief_at_the_top_of_the_conversation() =>
        await browser.WithPageAsync("handoff-brief", async page =>
        {
            // Through the API, as the chat would: a question the assistant answers, then a customer it cannot help.
            var customer = (await browser.PostJsonAsync("/api/v1/customers", new { name = "Maria Double" })).GetProperty("id").GetInt64();
            var started = await browser.PostJsonAsync("/api/v1/conversations", new
            {
                customerId = customer,
                channel = "chat",
                subject = "Charged twice",
                message = "Hi, I was charged twice for order 4417, £49.99 taken two times on Monday.",
            });
            var id = started.GetProperty("conversation").GetProperty("id").GetInt64();
            var posted = await browser.PostJsonAsync($"/api/v1/conversations/{id}/messages", new
            {
                author = "customer",
                body = "That didn't help, the second payment is still on my card and I'm getting really annoyed.",
            });
            var agentName = posted.GetProperty("handOff").GetProperty("agentName").GetString();
            var agent = browser.Demo.Agents.Single(a => a.Name == agentName);

            await browser.SignInAsync(page, agent.Email);
            await page.GotoAsync($"/conversations/{id}");
            await page.Locator(".conversation-page[data-ready=true]").WaitForAsync();

            // The brief comes before the timeline and the thread.
            var brief = page.GetByTestId("handoff-brief");
            await Assertions.Expect(brief).ToBeVisibleAsync();
            Assert.True(await page.EvaluateAsync<bool>(
                "() => { const b = document.querySelector('[data-testid=handoff-brief]'), t = document.querySelector('[data-testid=thread]'); return !!(b.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING); }"));
            await Assertions.Expect(page.GetByTestId("brief-assignee")).ToHaveTextAsync(agentName!);
            await Assertions.Expect(brief.GetByRole(AriaRole.Heading, new() { Name = "Hand-off brief" })).ToBeVisibleAsync();

            // What they need (their words and specifics), how they feel, what was tried, why a person.
            var needs = page.GetByTestId("brief-needs");
            await Assertions.Expect(needs).ToContainTextAsync("I was charged twice for order 4417");
            await Assertions.Expect(needs.Locator("code").Filter(new() { HasText = "£49.99" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("brief-feelings").Locator(".badge").First).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("brief-feelings")).ToContainTextAsync("Frustrated");
            var tried = page.GetByTestId("brief-tried");
            await Assertions.Expect(tried.Locator("li[data-said=didNotHelp]")).ToContainTextAsync("double-charge");
            await Assertions.Expect(tried.Locator("li[data-said=didNotHelp]")).ToContainTextAsync("they said it did not help");
            await Assertions.Expect(page.GetByTestId("brief-why").Locator("li[data-reason=failedTwice]")).ToBeVisibleAsync();

            // The assistant's replies are in the thread, marked as such.
            var assistant = page.Locator("[data-testid=message][data-author=assistant]");
            await Assertions.Expect(assistant).ToHaveCountAsync(2);
            await Assertions.Expect(assistant.First.GetByTestId("answer-chip")).ToContainTextAsync("Article:");

            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "handoff-brief.png") });
        });
}
