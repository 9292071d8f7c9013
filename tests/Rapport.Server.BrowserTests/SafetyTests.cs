using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Rapport.Desk.Agents;
using Rapport.Desk.Data;

namespace Rapport.Server.BrowserTests;

/// <summary>Sign-in refusals, sign-out, and customer text that tries to be markup.</summary>
public sealed class SafetyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Wrong_password_is_refused_with_a_clear_message() =>
        await browser.WithPageAsync("wrong-password", async page =>
        {
            await page.GotoAsync("/signin");
            await page.GetByLabel("Email").FillAsync(browser.Email(AgentRole.Agent));
            await page.GetByLabel("Password").FillAsync("not-the-password");
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

            await Assertions.Expect(page.GetByTestId("signin-error")).ToContainTextAsync("do not match");
            Assert.Contains("/signin", page.Url, StringComparison.Ordinal);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "signin-wrong-password.png") });

            // Still signed out: the inbox sends the browser back to the sign-in page.
            await page.GotoAsync("/");
            Assert.Contains("/signin", page.Url, StringComparison.Ordinal);
        });

    [Fact]
    public async Task Sign_out_ends_the_session() =>
        await browser.WithPageAsync("sign-out", async page =>
        {
            await browser.SignInAsync(page, browser.Email(AgentRole.Lead));
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            await page.WaitForURLAsync("**/signin?signedOut=1");
            await page.GotoAsync("/");
            Assert.Contains("/signin", page.Url, StringComparison.Ordinal);
        });

    [Fact]
    public async Task Customer_message_with_markup_renders_as_text_and_runs_nothing() =>
        await browser.WithPageAsync("markup", async page =>
        {
            const string body = "Help <script>window.__xss = 1; alert(1)</script> and <img src=x onerror=\"window.__xss = 2; alert(2)\"> please";
            var dialogs = 0;
            page.Dialog += (_, dialog) =>
            {
                dialogs++;
                _ = dialog.DismissAsync();
            };

            await browser.SignInAsync(page, browser.Email(AgentRole.Admin));

            // Arrives through the API while the inbox is open: it appears live, as text. (By e-mail: on chat the assistant
            // would answer at once, and the inbox row would show its reply instead of the customer's markup.)
            var created = await browser.PostJsonAsync("/api/v1/conversations", new { customerId = 3, channel = "email", subject = "<b>Markup</b> test", message = body });
            var id = created.GetProperty("conversation").GetProperty("id").GetInt64();
            var row = page.Locator($"[data-testid=inbox-row][data-conversation='{id}']");
            await Assertions.Expect(row.GetByTestId("row-snippet")).ToContainTextAsync("<script>");

            await page.GotoAsync($"/conversations/{id}");
            await page.Locator(".conversation-page[data-ready=true]").WaitForAsync();
            var shown = await page.GetByTestId("message-body").First.InnerTextAsync();
            Assert.Contains("<script>window.__xss = 1; alert(1)</script>", shown, StringComparison.Ordinal);
            Assert.Contains("<img src=x onerror=", shown, StringComparison.Ordinal);
            Assert.Equal("<b>Markup</b> test", await page.GetByTestId("conversation-subject").InnerTextAsync());
            Assert.Equal(0, await page.Locator("[data-testid=thread] img, [data-testid=thread] script, [data-testid=inbox] b").CountAsync());
            Assert.True(await page.EvaluateAsync<bool>("() => window.__xss === undefined"), "a script from the message ran");
            Assert.Equal(0, dialogs);
        });

    [Fact]
    public async Task Reply_below_the_threshold_asks_send_anyway_and_records_the_choice() =>
        await browser.WithPageAsync("send-anyway", async page =>
        {
            await browser.SignInAsync(page, browser.Email(AgentRole.Admin));
            var second = page.GetByTestId("inbox-row").Nth(1);
            var id = long.Parse((await second.GetAttributeAsync("data-conversation"))!, System.Globalization.CultureInfo.InvariantCulture);
            await second.Locator("a.row-link").ClickAsync();
            await page.Locator(".conversation-page[data-ready=true]").WaitForAsync();

            await page.GetByTestId("reply-box").FillAsync("Return it via the portal.");
            await Assertions.Expect(page.GetByTestId("coach-score")).ToBeVisibleAsync();
            await page.GetByTestId("send").ClickAsync();
            var guard = page.GetByTestId("confirm-send");
            await Assertions.Expect(guard).ToContainTextAsync("Send anyway?");
            await Assertions.Expect(page.GetByTestId("keep-editing")).ToBeFocusedAsync();

            // Keep editing first: nothing is sent; then send anyway.
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(guard).ToHaveCountAsync(0);
            await page.GetByTestId("send").ClickAsync();
            await page.GetByTestId("send-anyway").ClickAsync();
            var last = page.GetByTestId("message").Last;
            await Assertions.Expect(last).ToContainTextAsync("sent below threshold");

            await using var scope = browser.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
            var stored = await db.Messages.Where(m => m.ConversationId == id).OrderByDescending(m => m.Id).FirstAsync();
            Assert.Equal("Return it via the portal.", stored.Body);
            Assert.True(stored.SentBelowThreshold);
        });
}
