using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Rapport.Desk.Agents;
using Rapport.Desk.Data;
using Rapport.Desk.Notifications;

namespace Rapport.Server.BrowserTests;

/// <summary>
/// The header's bell and the customer panel's promises: a lead, on an open page, sees the bell count rise when a
/// notification is stored (live), opens the conversation from the list, finds the promise in the customer panel and
/// marks it kept.
/// </summary>
public sealed class NotificationBellTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Subject = "Bell test: the parcel that went missing";

    [Fact]
    public async Task A_lead_sees_the_bell_count_rise_opens_the_conversation_and_marks_the_promise_kept() =>
        await browser.WithPageAsync("notification-bell", async page =>
        {
            var (conversation, lead) = await ConversationWithPromiseAsync();
            await browser.SignInAsync(page, browser.Email(AgentRole.Lead));
            var bell = page.Locator("[data-testid=notification-bell][data-ready=true]");
            await bell.WaitForAsync();
            var before = int.Parse(await bell.GetAttributeAsync("data-unread") ?? "0", System.Globalization.CultureInfo.InvariantCulture);

            // What the sweep does when the clock reaches its warning: a notification for the lead, committed; the open page hears of it.
            await NotifyAsync(lead, conversation);
            await Assertions.Expect(bell).ToHaveAttributeAsync("data-unread", new System.Text.RegularExpressions.Regex("^([1-9][0-9]*)$"));
            var after = int.Parse(await bell.GetAttributeAsync("data-unread") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(after > before, $"the bell went from {before} to {after}");
            await Assertions.Expect(page.GetByTestId("bell-count")).ToBeVisibleAsync();

            await page.GetByTestId("bell-button").ClickAsync();
            var item = page.GetByTestId("bell-item").Filter(new() { HasText = Subject });
            await Assertions.Expect(item).ToContainTextAsync("SLA warning");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "notification-bell.png") });

            await item.GetByRole(AriaRole.Link).ClickAsync();
            await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex($"/conversations/{conversation}$"));
            await page.Locator(".conversation-page[data-ready=true]").WaitForAsync();
            await Assertions.Expect(page.GetByTestId("conversation-subject")).ToHaveTextAsync(Subject);
            await Assertions.Expect(page.Locator("[data-testid=notification-bell][data-ready=true]")).ToHaveAttributeAsync("data-unread", (after - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));

            var promise = page.GetByTestId("customer-promises").GetByTestId("promise").Filter(new() { HasText = "call you back within 3 hours" });
            await Assertions.Expect(promise).ToBeVisibleAsync();
            await Assertions.Expect(promise).ToContainTextAsync("due");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "customer-promises.png"), FullPage = true });
            await promise.GetByTestId("mark-kept").ClickAsync();
            await Assertions.Expect(promise).ToHaveCountAsync(0);
        });

    /// <summary>A new conversation in the lead's team, assigned to a teammate who promised a call back.</summary>
    private async Task<(long Conversation, long Lead)> ConversationWithPromiseAsync()
    {
        await using var scope = browser.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
        var leadEmail = browser.Email(AgentRole.Lead);
        var lead = await db.Agents.AsNoTracking().FirstAsync(a => a.Email == leadEmail);
        var agent = await db.Agents.AsNoTracking().Where(a => a.TeamId == lead.TeamId && a.Role == AgentRole.Agent).OrderBy(a => a.Id).FirstAsync();
        var customer = (await browser.PostJsonAsync("/api/v1/customers", new { name = "Bell Tester", email = $"bell-{Guid.NewGuid():N}@example.com" })).GetProperty("id").GetInt64();
        var conversation = (await browser.PostJsonAsync("/api/v1/conversations", new { customerId = customer, channel = "email", subject = Subject, message = "My parcel never arrived and the tracking has not moved in a week." }))
            .GetProperty("conversation").GetProperty("id").GetInt64();
        using (var assign = await browser.Api.PutAsJsonAsync(new Uri($"/api/v1/conversations/{conversation}/assignee", UriKind.Relative), new { agentId = agent.Id }))
        {
            assign.EnsureSuccessStatusCode();
        }

        await browser.PostJsonAsync($"/api/v1/conversations/{conversation}/messages", new { author = "agent", agentId = agent.Id, body = "I'm sorry it has not arrived. I will call you back within 3 hours once the carrier has traced it." });
        return (conversation, lead.Id);
    }

    private async Task NotifyAsync(long lead, long conversation)
    {
        await using var scope = browser.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        await Notifier.AddAsync(db, [lead], NotificationKind.SlaWarning, $"sla.warning:{conversation}:browser-test", conversation, null, now.AddMinutes(20), now, CancellationToken.None);
        await db.SaveChangesAsync();
    }
}
