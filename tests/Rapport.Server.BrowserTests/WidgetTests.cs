using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Rapport.Desk.Agents;
using Rapport.Desk.Data;

namespace Rapport.Server.BrowserTests;

/// <summary>The chat widget on /widget-demo, as a visitor uses it, with an agent answering from the workspace.</summary>
public sealed class WidgetTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Title = "Lumen & Loom support";

    private static ILocator Launcher(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Chat with us" });

    private static ILocator Panel(IPage page) => page.GetByRole(AriaRole.Dialog, new() { Name = Title });

    private static ILocator Input(IPage page) => page.GetByRole(AriaRole.Textbox, new() { Name = "Your message" });

    private static ILocator Messages(IPage page, string author) => page.Locator($"[data-rapport-widget] .log .msg[data-author={author}]");

    private async Task<long> LatestWidgetConversationAsync()
    {
        await using var scope = browser.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
        return await db.WidgetSessions.OrderByDescending(s => s.Id).Select(s => s.ConversationId).FirstAsync();
    }

    private static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, name + ".png") });

    [Fact]
    public async Task A_visitor_asks_for_a_person_an_agent_answers_from_the_workspace_live_and_the_chat_survives_a_reload() =>
        await browser.WithPageAsync("widget-agent", async page =>
        {
            await page.GotoAsync("/widget-demo");
            var launcher = Launcher(page);
            await Assertions.Expect(launcher).ToHaveAttributeAsync("aria-expanded", "false");
            await Assertions.Expect(Panel(page)).ToBeHiddenAsync();

            // Opening moves focus to the labelled message box.
            await launcher.ClickAsync();
            await Assertions.Expect(launcher).ToHaveAttributeAsync("aria-expanded", "true");
            await Assertions.Expect(Panel(page)).ToBeVisibleAsync();
            await Assertions.Expect(Input(page)).ToBeFocusedAsync();
            await Assertions.Expect(page.Locator("[data-rapport-widget] .log")).ToHaveAttributeAsync("aria-live", "polite");

            // The shop's page styles buttons brown and serif; the widget keeps its own look (shadow root, nothing leaks either way).
            Assert.DoesNotContain("Georgia", await launcher.EvaluateAsync<string>("b => getComputedStyle(b).fontFamily"), StringComparison.Ordinal);
            Assert.Contains("Georgia", await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).EvaluateAsync<string>("b => getComputedStyle(b).fontFamily"), StringComparison.Ordinal);
            Assert.Equal("rgb(140, 59, 31)", await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).EvaluateAsync<string>("b => getComputedStyle(b).backgroundColor"));

            // Enter sends; the markup is shown as the characters typed, never as HTML.
            await page.GetByLabel("Your name (optional)").FillAsync("Ada");
            const string question = "<b>Hello</b> my towels arrived torn, let me talk to a human please";
            await Input(page).FillAsync(question);
            await Input(page).PressAsync("Enter");
            var mine = Messages(page, "customer").Last;
            await Assertions.Expect(mine.Locator(".text")).ToHaveTextAsync(question);
            await Assertions.Expect(mine).ToHaveAttributeAsync("data-id", new System.Text.RegularExpressions.Regex("^[0-9]+$"));
            Assert.Equal(0, await page.Locator("[data-rapport-widget] .log b").CountAsync());

            // An agent answers from the workspace; the reply arrives in the widget without a reload, with their first name.
            var conversation = await LatestWidgetConversationAsync();
            var agent = browser.Demo.Agents.First(a => a.Role == AgentRole.Admin);
            const string reply = "Hi Ada, I'm so sorry your towels arrived torn, that's really disappointing. I've arranged a free replacement today and you'll get the tracking link by e-mail.";
            var desk = await browser.NewPageAsync();
            try
            {
                await browser.SignInAsync(desk, agent.Email);
                await desk.GotoAsync($"/conversations/{conversation}");
                await desk.Locator(".conversation-page[data-ready=true]").WaitForAsync();
                // The assistant handed the visitor over (they asked for a person): the brief is on top, its reply in the thread.
                await Assertions.Expect(desk.GetByTestId("handoff-brief")).ToContainTextAsync("let me talk to a human");
                await Assertions.Expect(desk.Locator("[data-testid=message][data-author=customer] [data-testid=message-body]").Last).ToContainTextAsync("let me talk to a human");
                await desk.GetByTestId("reply-box").FillAsync(reply);
                await desk.GetByTestId("send").ClickAsync();
                var confirm = desk.GetByTestId("send-anyway");
                if (await confirm.IsVisibleAsync())
                {
                    await confirm.ClickAsync();
                }

                await Assertions.Expect(desk.GetByTestId("message").Last).ToHaveAttributeAsync("data-author", "agent");
            }
            finally
            {
                await desk.Context.CloseAsync();
            }

            var answer = Messages(page, "agent").Last;
            await Assertions.Expect(answer.Locator(".text")).ToHaveTextAsync(reply);
            await Assertions.Expect(answer.Locator(".who")).ToHaveTextAsync(agent.Name.Split(' ')[0] + " · support team");
            await ScreenshotAsync(page, "widget-desktop");

            // Escape closes and gives focus back to the launcher.
            await Input(page).PressAsync("Escape");
            await Assertions.Expect(Panel(page)).ToBeHiddenAsync();
            await Assertions.Expect(launcher).ToBeFocusedAsync();
            await Assertions.Expect(launcher).ToHaveAttributeAsync("aria-expanded", "false");

            // A reload keeps the conversation (the token is in localStorage): the history comes back over the socket.
            await page.ReloadAsync();
            await Launcher(page).ClickAsync();
            await Assertions.Expect(Messages(page, "agent").Last.Locator(".text")).ToHaveTextAsync(reply);
            await Assertions.Expect(Messages(page, "customer")).ToHaveCountAsync(1);
            await Assertions.Expect(page.GetByLabel("Your name (optional)")).ToBeHiddenAsync();

            // On a phone the panel fills the screen.
            await page.SetViewportSizeAsync(390, 844);
            var box = await Panel(page).BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.Equal(390, box.Width, 0.5);
            Assert.Equal(844, box.Height, 0.5);
            await ScreenshotAsync(page, "widget-phone");
        });

    [Fact]
    public async Task A_visitor_gets_the_assistants_answer_from_the_knowledge_base_then_a_person_after_asking_for_one() =>
        await browser.WithPageAsync("widget-assistant", async page =>
        {
            await page.GotoAsync("/widget-demo");
            await Launcher(page).ClickAsync();
            await Input(page).FillAsync("How long does it take to get my refund?");
            await Input(page).PressAsync("Enter");

            // The assistant answers from "When will I get my refund?" (the article's passages all count working days),
            // labelled as automated; the conversation records which article it used.
            var answer = Messages(page, "assistant").Last;
            await Assertions.Expect(answer.Locator(".text")).ToContainTextAsync("working days");
            await Assertions.Expect(answer.Locator(".who")).ToHaveTextAsync("Virtual assistant · automated");
            await ScreenshotAsync(page, "widget-assistant");
            var answered = await browser.GetJsonAsync($"/api/v1/conversations/{await LatestWidgetConversationAsync()}");
            var first = answered.GetProperty("messages").EnumerateArray().First(m => m.GetProperty("author").GetString() == "assistant");
            Assert.Equal("refund-timing", first.GetProperty("assistant").GetProperty("articleSlug").GetString());

            await Input(page).FillAsync("let me talk to a human");
            await Input(page).PressAsync("Enter");
            await Assertions.Expect(Messages(page, "assistant")).ToHaveCountAsync(2);
            var conversation = await LatestWidgetConversationAsync();
            var assigned = await browser.GetJsonAsync($"/api/v1/conversations/{conversation}");
            Assert.Equal(System.Text.Json.JsonValueKind.Number, assigned.GetProperty("conversation").GetProperty("assigneeId").ValueKind);
            Assert.Contains("askedForPerson", assigned.GetProperty("handOff").GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));

            const string reply = "Hi, I'm here now and I've read everything you wrote. Your refund was issued this morning.";
            using var posted = await browser.Api.PostAsJsonAsync(
                new Uri($"/api/v1/conversations/{conversation}/messages", UriKind.Relative),
                new { author = "agent", body = reply, agentId = assigned.GetProperty("conversation").GetProperty("assigneeId").GetInt64() });
            Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync());
            await Assertions.Expect(Messages(page, "agent").Last.Locator(".text")).ToHaveTextAsync(reply);

            await page.ReloadAsync();
            await Assertions.Expect(Messages(page, "assistant")).ToHaveCountAsync(2);
            await Assertions.Expect(Messages(page, "agent")).ToHaveCountAsync(1);
        });
}
