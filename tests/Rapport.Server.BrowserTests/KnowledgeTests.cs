using Microsoft.Playwright;
using Rapport.Desk.Agents;

namespace Rapport.Server.BrowserTests;

/// <summary>The knowledge-base page: a lead creates an article, finds it with the search box and its passage, edits and
/// deletes it; an agent reads but cannot change anything, in the page or through the API with the same cookie.</summary>
public sealed class KnowledgeTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..6];

    private static async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, name + ".png"), FullPage = true });

    [Fact]
    public async Task A_lead_creates_finds_edits_and_deletes_an_article() =>
        await browser.WithPageAsync("knowledge-lead", async page =>
        {
            await browser.SignInAsync(page, browser.Email(AgentRole.Lead));
            await page.GetByRole(AriaRole.Link, new() { Name = "Knowledge", Exact = true }).ClickAsync();
            await page.Locator(".knowledge-page[data-ready=true]").WaitForAsync();

            // An empty article is refused field by field, with the API's words.
            await page.GetByTestId("new-article").ClickAsync();
            await page.GetByTestId("kb-save").ClickAsync();
            await Assertions.Expect(page.GetByTestId("field-error-title")).ToContainTextAsync("'title' is required");
            await Assertions.Expect(page.GetByTestId("field-error-body")).ToContainTextAsync("'body' is required");
            await Assertions.Expect(page.Locator("#kb-title")).ToHaveAttributeAsync("aria-invalid", "true");

            var title = $"Walrus tusk care {_run}";
            var slug = $"walrus-tusk-care-{_run}";
            await page.Locator("#kb-title").FillAsync(title);
            await page.Locator("#kb-tags").FillAsync("Walrus, care");
            await page.Locator("#kb-questions").FillAsync("My walrus's teeth look dull");
            await page.Locator("#kb-body").FillAsync(
                "Walruses keep their tusks all their life.\n\n## Polishing\n\nRub each tusk gently with a damp **cotton cloth** once a week.\n\n"
                + "<script>alert('x')</script> [help](javascript:alert(1))");

            // The preview renders Markdown but neither raw HTML nor a javascript: link.
            var preview = page.GetByTestId("kb-preview");
            await Assertions.Expect(preview.Locator("h2")).ToHaveTextAsync("Polishing");
            await Assertions.Expect(preview.Locator("strong")).ToHaveTextAsync("cotton cloth");
            await Assertions.Expect(preview).ToContainTextAsync("<script>alert('x')</script>");
            Assert.Equal(0, await preview.Locator("script").CountAsync());
            await Assertions.Expect(preview.GetByRole(AriaRole.Link, new() { Name = "help" })).ToHaveAttributeAsync("href", "#");
            await ShotAsync(page, "knowledge-editor");

            await page.GetByTestId("kb-save").ClickAsync();
            await Assertions.Expect(page.GetByTestId("knowledge-notice")).ToContainTextAsync($"Created “{title}”");
            await Assertions.Expect(page.Locator($"[data-testid=kb-article][data-slug='{slug}']")).ToContainTextAsync("walrus, care");

            // The search box asks the real index: the article comes first with the passage that answers.
            await page.GetByTestId("kb-search-input").FillAsync($"how do I polish walrus {_run} tusks? they look dull");
            await page.GetByTestId("kb-search-button").ClickAsync();
            var first = page.GetByTestId("kb-hit").First;
            await Assertions.Expect(first).ToHaveAttributeAsync("data-slug", slug);
            await Assertions.Expect(first.GetByTestId("kb-passage")).ToContainTextAsync("damp **cotton cloth** once a week");
            await Assertions.Expect(first).ToContainTextAsync("Confidence");
            await ShotAsync(page, "knowledge-search");

            var row = page.Locator($"[data-testid=kb-article][data-slug='{slug}']");
            await row.GetByTestId("kb-open").ClickAsync();
            await Assertions.Expect(page.Locator("#kb-title")).ToHaveValueAsync(title);
            await page.Locator("#kb-title").FillAsync(title + " (updated)");
            await page.GetByTestId("kb-save").ClickAsync();
            await Assertions.Expect(page.GetByTestId("knowledge-notice")).ToContainTextAsync("Saved");
            await Assertions.Expect(row).ToContainTextAsync(title + " (updated)");

            await row.GetByTestId("kb-delete").ClickAsync();
            await Assertions.Expect(row.GetByRole(AriaRole.Alertdialog)).ToContainTextAsync("Delete for good?");
            await row.GetByTestId("kb-confirm-delete").ClickAsync();
            await Assertions.Expect(page.GetByTestId("knowledge-notice")).ToContainTextAsync("Deleted");
            await Assertions.Expect(row).ToHaveCountAsync(0);
        });

    [Fact]
    public async Task An_agent_reads_articles_but_cannot_change_them() =>
        await browser.WithPageAsync("knowledge-agent", async page =>
        {
            await browser.SignInAsync(page, browser.Email(AgentRole.Agent));
            await page.GotoAsync("/knowledge");
            await page.Locator(".knowledge-page[data-ready=true]").WaitForAsync();

            await Assertions.Expect(page.GetByTestId("new-article")).ToHaveCountAsync(0);
            await Assertions.Expect(page.GetByTestId("kb-delete")).ToHaveCountAsync(0);
            var row = page.Locator("[data-testid=kb-article][data-slug='double-charge']");
            await row.GetByRole(AriaRole.Button, new() { Name = "Read I was charged twice for the same order" }).ClickAsync();
            await Assertions.Expect(page.Locator("#kb-title")).ToHaveValueAsync("I was charged twice for the same order");
            await Assertions.Expect(page.Locator("#kb-title")).ToBeDisabledAsync();
            await Assertions.Expect(page.GetByTestId("kb-save")).ToHaveCountAsync(0);
            await Assertions.Expect(page.GetByTestId("kb-preview").Locator("h2").First).ToHaveTextAsync("Pending authorisation or real duplicate?");
            await ShotAsync(page, "knowledge-agent");

            // The server refuses too: the same cookie through the API.
            var create = await page.APIRequest.PostAsync("/api/v1/knowledge", new() { DataObject = new { title = "Agent's article", body = "Body." } });
            Assert.Equal(403, create.Status);
            Assert.Contains("Only leads and admins change the knowledge base", await create.TextAsync(), StringComparison.Ordinal);
        });
}
