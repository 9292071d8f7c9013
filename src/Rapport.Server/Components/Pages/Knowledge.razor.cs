using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Rapport.Desk;
using Rapport.Desk.Knowledge;
using Rapport.Server.Api;
using Rapport.Server.Api.Contracts;

namespace Rapport.Server.Components.Pages;

/// <summary>
/// <c>/knowledge</c>: the knowledge base in the workspace (docs/knowledge-base.md, *Workspace*). Everyone signed in
/// lists, reads and test-searches articles through the real index; leads and admins create, edit and delete, checked
/// here on every action (<see cref="KnowledgeAccess"/>), with the API's validation rules and messages.
/// </summary>
public sealed partial class Knowledge : IDisposable
{
    private readonly CancellationTokenSource _closing = new();
    private IReadOnlyList<KnowledgeArticle> _articles = [];
    private IReadOnlyList<KnowledgeHit>? _hits;
    private IReadOnlyDictionary<string, string[]> _errors = new Dictionary<string, string[]>();
    private ClaimsPrincipal _user = new();
    private Draft? _editing;
    private long? _confirmDelete;
    private string? _query;
    private string? _error;
    private string? _notice;
    private bool _canManage;
    private bool _ready;
    private bool _busy;
    private bool _focusEditor;
    private ElementReference _editorHeading;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    /// <summary>The editor's fields as typed (tags comma-separated, questions one per line).</summary>
    private sealed class Draft
    {
        public long? Id { get; init; }

        public string OriginalTitle { get; init; } = "";

        public string? Title { get; set; }

        public string? Slug { get; set; }

        public string? Language { get; set; } = "en";

        public string? Tags { get; set; }

        public string? Questions { get; set; }

        public string? Body { get; set; }
    }

    protected override async Task OnInitializedAsync()
    {
        _user = (await Authentication).User;
        _canManage = KnowledgeAccess.WhyCannotManage(_user) is null;
        await LoadAsync();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive)
        {
            _ready = true;
            StateHasChanged();
        }

        // An article opened from far down the list: move focus (and the view) to the editor.
        if (_focusEditor && _editing is not null)
        {
            _focusEditor = false;
            await _editorHeading.FocusAsync();
        }
    }

    private async Task LoadAsync()
    {
        await using var scope = Scopes.CreateAsyncScope();
        _articles = await scope.ServiceProvider.GetRequiredService<KnowledgeService>().ListAsync(0, 500, _closing.Token);
    }

    private async Task SearchAsync()
    {
        _error = null;
        var validator = new RequestValidator();
        var question = validator.Text("q", _query, required: true, maxLength: KnowledgeEndpoints.MaxQueryLength);
        if (question is null)
        {
            _hits = null;
            _error = "Type a question to search for.";
            return;
        }

        await using var scope = Scopes.CreateAsyncScope();
        _hits = await scope.ServiceProvider.GetRequiredService<KnowledgeService>().SearchAsync(question, 5, _closing.Token);
    }

    private void StartCreate()
    {
        ClearMessages();
        _editing = new Draft();
        _focusEditor = true;
    }

    private async Task OpenAsync(long id)
    {
        ClearMessages();
        await using var scope = Scopes.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<KnowledgeService>().GetAsync(id, _closing.Token) is not { } article)
        {
            _error = "This article no longer exists.";
            await LoadAsync();
            return;
        }

        _editing = new Draft
        {
            Id = article.Id, OriginalTitle = article.Title, Title = article.Title, Slug = article.Slug, Language = article.Language,
            Tags = string.Join(", ", article.Tags), Questions = string.Join('\n', article.Questions), Body = article.Body,
        };
        _focusEditor = true;
    }

    private async Task SaveAsync()
    {
        ClearMessages();
        if (_editing is not { } draft)
        {
            return;
        }

        if (KnowledgeAccess.WhyCannotManage(_user) is { } reason)
        {
            _error = reason;
            return;
        }

        var request = new KnowledgeArticleRequest(
            Blank(draft.Slug) ? null : draft.Slug!.Trim(), draft.Title, draft.Body,
            Blank(draft.Tags) ? [] : draft.Tags!.Split(',').Select(t => (string?)t).ToList(),
            Blank(draft.Language) ? null : draft.Language!.Trim(),
            (draft.Questions ?? "").Split('\n').Where(q => !Blank(q)).Select(q => (string?)q).ToList());
        var validator = new RequestValidator();
        if (KnowledgeEndpoints.Validate(request, validator) is not { } fields)
        {
            _errors = validator.Errors;
            _error = "Please correct the highlighted fields.";
            return;
        }

        _busy = true;
        try
        {
            await using var scope = Scopes.CreateAsyncScope();
            var knowledge = scope.ServiceProvider.GetRequiredService<KnowledgeService>();
            var saved = draft.Id is { } id ? await knowledge.UpdateAsync(id, fields, _closing.Token) : await knowledge.CreateAsync(fields, _closing.Token);
            if (saved is null)
            {
                _error = "This article was deleted meanwhile.";
            }
            else
            {
                _notice = draft.Id is null ? $"Created “{saved.Title}”: it is searchable now." : $"Saved “{saved.Title}”.";
                _editing = null;
            }

            await LoadAsync();
        }
        catch (DeskConflictException exception)
        {
            _errors = new Dictionary<string, string[]> { [exception.Field] = [exception.Message] };
            _error = "Please correct the highlighted fields.";
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task DeleteAsync(long id)
    {
        ClearMessages();
        _confirmDelete = null;
        if (KnowledgeAccess.WhyCannotManage(_user) is { } reason)
        {
            _error = reason;
            return;
        }

        await using var scope = Scopes.CreateAsyncScope();
        var title = _articles.FirstOrDefault(a => a.Id == id)?.Title;
        _notice = await scope.ServiceProvider.GetRequiredService<KnowledgeService>().DeleteAsync(id, _closing.Token)
            ? $"Deleted “{title}”."
            : "This article was already deleted.";
        if (_editing?.Id == id)
        {
            _editing = null;
        }

        _hits = null;
        await LoadAsync();
    }

    private void Close()
    {
        ClearMessages();
        _editing = null;
    }

    private void ClearMessages()
    {
        _error = null;
        _notice = null;
        _errors = new Dictionary<string, string[]>();
    }

    private string? Invalid(string field) =>
        _errors.Keys.Any(k => k == field || k.StartsWith(field + "[", StringComparison.Ordinal)) ? "true" : null;

    private static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);

    public void Dispose()
    {
        _closing.Cancel();
        _closing.Dispose();
    }
}
