using System.Globalization;
using Microsoft.Playwright;
using Rapport.Desk.Agents;

namespace Rapport.Server.BrowserTests;

/// <summary>The Training page: an agent plays "Damaged order before a deadline" to its end; a lead assigns a scenario.</summary>
public sealed class TrainingTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string EmpatheticFirst =
        "Hi Maria, thank you for reaching out. I'm so sorry that your cake stand arrived cracked, just days before the party on Saturday. "
        + "I can see how frustrating this is. I'll take care of this for you personally, and I'll check everything on my side right away. "
        + "So that I get it right, could you tell me the order number? And could you also confirm the delivery address?";

    private const string EmpatheticSecond =
        "Thank you, Maria, that really helps. I understand how much this matters, and I'm sorry that your cake stand arrived cracked, "
        + "just days before the party on Saturday. Here is what I'll do: I'll send a replacement cake stand by express courier so it arrives by Friday, "
        + "and I'll make sure it arrives before Saturday with a tracking link today. You'll receive a confirmation by email today, "
        + "and I'll keep you updated until it's fully resolved. If there's anything else I can do, just reply to this message.";

    [Fact]
    public async Task An_agent_plays_the_damaged_order_to_a_resolution_and_reads_the_score_card() =>
        await browser.WithPageAsync("training-play", async page =>
        {
            await browser.SignInAsync(page, browser.Email(AgentRole.Agent));
            await page.GetByRole(AriaRole.Link, new() { Name = "Training" }).ClickAsync();
            await page.Locator(".training-page[data-ready=true]").WaitForAsync();
            await Assertions.Expect(page.GetByTestId("scenario")).ToHaveCountAsync(21);

            await page.Locator("[data-scenario=damaged-order-deadline] button").ClickAsync();
            await page.Locator(".training-attempt[data-ready=true]").WaitForAsync();
            await Assertions.Expect(page.GetByTestId("scenario-title")).ToHaveTextAsync("Damaged order before a deadline");
            var messages = page.GetByTestId("training-message");
            await Assertions.Expect(messages).ToHaveCountAsync(1);
            await Assertions.Expect(page.GetByTestId("customer-feeling")).ToContainTextAsync("Frustrat");

            await ReplyAsync(page, EmpatheticFirst, expectedMessages: 3);
            await Assertions.Expect(page.Locator("[data-testid=facts] li.met")).ToHaveCountAsync(2);
            var firstScore = int.Parse((await page.GetByTestId("turn-score").First.InnerTextAsync()).Replace("Empathy ", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
            Assert.True(firstScore >= 60, $"first reply scored {firstScore}");

            // The customer's mood depends on the seed; a warm, complete answer resolves within a few replies.
            for (var turn = 2; turn <= 4 && await page.GetByTestId("score-card").CountAsync() == 0; turn++)
            {
                await ReplyAsync(page, EmpatheticSecond, expectedMessages: (2 * turn) + 1);
            }

            var card = page.GetByTestId("score-card");
            await Assertions.Expect(card).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("outcome")).ToContainTextAsync("Resolved");
            var empathy = int.Parse(await page.GetByTestId("empathy").InnerTextAsync(), CultureInfo.InvariantCulture);
            Assert.True(empathy >= 80, $"empathy {empathy}");
            await Assertions.Expect(page.Locator("[data-testid=emotion-curve] circle")).ToHaveCountAsync(await messages.CountAsync() / 2 + 1);
            await Assertions.Expect(page.Locator("[data-testid=best] li").First).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("practise-next")).ToContainTextAsync("Practise next");
            await Assertions.Expect(page.GetByTestId("training-reply")).ToHaveCountAsync(0);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "training-score-card.png"), FullPage = true });

            // The attempt is listed on the Training page with its outcome.
            await page.GotoAsync("/training");
            await page.Locator(".training-page[data-ready=true]").WaitForAsync();
            await Assertions.Expect(page.Locator("[data-testid=my-attempts] tbody tr").First).ToContainTextAsync("Resolved");
        });

    [Fact]
    public async Task A_lead_sees_team_progress_and_assigns_a_scenario_the_agent_then_sees() =>
        await browser.WithPageAsync("training-assign", async page =>
        {
            var agents = await browser.GetJsonAsync("/api/v1/agents?limit=100");
            var items = agents.ValueKind == System.Text.Json.JsonValueKind.Array ? agents : agents.GetProperty("items");
            var lead = items.EnumerateArray().First(a => a.GetProperty("email").GetString() == browser.Email(AgentRole.Lead));
            var team = lead.GetProperty("teamId").GetInt64();
            var mate = items.EnumerateArray().First(a => a.GetProperty("role").GetString() == "agent" && a.TryGetProperty("teamId", out var t) && t.ValueKind == System.Text.Json.JsonValueKind.Number && t.GetInt64() == team);
            var mateId = mate.GetProperty("id").GetInt64();

            await browser.SignInAsync(page, browser.Email(AgentRole.Lead));
            await page.GotoAsync("/training");
            await page.Locator(".training-page[data-ready=true]").WaitForAsync();
            await Assertions.Expect(page.Locator($"[data-testid=progress-row][data-agent='{mateId}']")).ToBeVisibleAsync();

            await page.GetByLabel("Agent", new() { Exact = true }).SelectOptionAsync(mateId.ToString(CultureInfo.InvariantCulture));
            await page.GetByLabel("Scenario", new() { Exact = true }).SelectOptionAsync("third-contact-same-bug");
            await page.GetByLabel("Note (optional)").FillAsync("You'll meet this one on Mondays");
            await page.GetByTestId("assign").ClickAsync();
            await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Assigned");
            await Assertions.Expect(page.Locator($"[data-testid=progress-row][data-agent='{mateId}'] .assign-chip")).ToContainTextAsync("Third contact");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "training-lead.png"), FullPage = true });

            var assignments = await browser.GetJsonAsync($"/api/v1/training/assignments?agentId={mateId}");
            var assigned = assignments.EnumerateArray().Single(a => a.GetProperty("scenarioId").GetString() == "third-contact-same-bug");
            Assert.Equal("open", assigned.GetProperty("state").GetString());
            Assert.Equal("You'll meet this one on Mondays", assigned.GetProperty("note").GetString());

            // Assigning it again while it is open is refused with a clear message.
            await page.GetByLabel("Agent", new() { Exact = true }).SelectOptionAsync(mateId.ToString(CultureInfo.InvariantCulture));
            await page.GetByLabel("Scenario", new() { Exact = true }).SelectOptionAsync("third-contact-same-bug");
            await page.GetByTestId("assign").ClickAsync();
            await Assertions.Expect(page.Locator(".error")).ToContainTextAsync("already has");
        });

    [Fact]
    public async Task A_lead_turns_a_resolved_conversation_into_a_scenario_agents_can_play() =>
        await browser.WithPageAsync("training-generate", async page =>
        {
            var resolved = await browser.GetJsonAsync("/api/v1/conversations?status=resolved&limit=50");
            var candidates = resolved.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetInt64()).ToList();
            Assert.NotEmpty(candidates);

            await browser.SignInAsync(page, browser.Email(AgentRole.Admin));
            await page.GotoAsync($"/conversations/{candidates[0]}");
            await page.Locator(".conversation-page[data-ready=true]").WaitForAsync();
            var customer = await page.Locator(".conv-meta .customer").InnerTextAsync();
            await page.GetByTestId("to-training").ClickAsync();
            await Assertions.Expect(page.Locator(".to-training [role=status]")).ToContainTextAsync("Saved as the anonymised scenario");
            Assert.DoesNotContain(customer, await page.Locator(".to-training [role=status]").InnerTextAsync(), StringComparison.Ordinal);

            await page.Locator(".to-training a").ClickAsync();
            await page.Locator(".training-page[data-ready=true]").WaitForAsync();
            var generated = page.Locator("[data-testid=scenario]", new() { HasText = "from a real conversation" });
            await Assertions.Expect(generated).ToHaveCountAsync(1);
            await generated.Locator("button").ClickAsync();
            await page.Locator(".training-attempt[data-ready=true]").WaitForAsync();
            await Assertions.Expect(page.GetByTestId("training-message")).ToHaveCountAsync(1);
            Assert.DoesNotContain(customer, await page.Locator(".training-attempt").InnerTextAsync(), StringComparison.Ordinal);
        });

    private static async Task ReplyAsync(IPage page, string reply, int expectedMessages)
    {
        await page.GetByTestId("training-reply").FillAsync(reply);
        await page.GetByTestId("training-send").ClickAsync();
        await Assertions.Expect(page.GetByTestId("training-message")).ToHaveCountAsync(expectedMessages);
    }
}
