using System.CommandLine;
using System.Globalization;
using Rapport.Cli.Input;
using Rapport.Cli.Knowledge;

namespace Rapport.Cli.Commands;

/// <summary>
/// <c>rapport kb import DIR</c>: sends a folder of Markdown articles to a desk server, idempotent on each file's slug;
/// <c>rapport kb eval FILE|--set tuning|heldout</c>: asks the server's search each labelled question and reports top-1 and
/// top-3 accuracy and the misses by article (docs/knowledge-base.md). Exit 2 on bad input, naming the file and line.
/// </summary>
internal static class KbCommand
{
    /// <summary>The repository's labelled sets (docs/knowledge-base.md, *Evaluation*).</summary>
    private static readonly Dictionary<string, string> EvalSets = new(StringComparer.Ordinal)
    {
        ["tuning"] = "questions.tsv",
        ["heldout"] = "heldout.tsv",
    };

    public static Command Create(CliContext context)
    {
        var command = new Command("kb", "The knowledge base of a desk server: import Markdown articles, evaluate its search.");
        command.Subcommands.Add(CreateImport(context));
        command.Subcommands.Add(CreateEval(context));
        return command;
    }

    private static Command CreateImport(CliContext context)
    {
        var folder = new Argument<string>("dir") { Description = "A folder of Markdown files (*.md): front matter (title, slug, tags, language) or a first '# heading' as the title; the file name is the slug." };
        var (server, key) = ServerOptions();
        var command = new Command("import", "Create or update one article per Markdown file (matched by slug; a re-run changes nothing).") { folder, server, key };
        command.SetAction((parseResult, cancellationToken) => ImportAsync(
            context, parseResult.GetValue(folder)!, parseResult.GetValue(server)!, parseResult.GetValue(key), cancellationToken));
        return command;
    }

    private static Command CreateEval(CliContext context)
    {
        var file = new Argument<string?>("file")
        {
            Description = "Labelled questions: lines of 'slug<TAB>question'; '#' comments and a 'slug' header are skipped. Or use --set.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var set = new Option<string?>("--set")
        {
            Description = "A labelled set of the repository, found from the current directory upwards: 'tuning' (eval/knowledge/questions.tsv, "
                + "which the ranking was tuned on) or 'heldout' (eval/knowledge/heldout.tsv, never tuned on).",
            HelpName = "tuning|heldout",
        };
        set.AcceptOnlyFromAmong(EvalSets.Keys.ToArray());
        var (server, key) = ServerOptions();
        var misses = new Option<bool>("--misses") { Description = "Also list each question whose first result is not the expected article." };
        var command = new Command("eval", "Top-1 and top-3 accuracy of the server's knowledge search on labelled questions, and the misses by article.")
        {
            file, set, server, key, misses,
        };
        command.Validators.Add(result =>
        {
            // Tokens, not values: reading an invalid --set's value would throw here.
            if (result.GetResult(file) is { Tokens.Count: > 0 } == result.GetResult(set) is not null)
            {
                result.AddError("give either a FILE or --set tuning|heldout");
            }
        });
        command.SetAction((parseResult, cancellationToken) => EvalAsync(
            context, parseResult.GetValue(file) ?? FindSet(parseResult.GetValue(set)!), parseResult.GetValue(server)!, parseResult.GetValue(key),
            parseResult.GetValue(misses), cancellationToken));
        return command;
    }

    /// <summary>eval/knowledge/NAME in the current directory or the nearest parent that has it (the repository's root).</summary>
    private static string FindSet(string set)
    {
        var relative = Path.Combine("eval", "knowledge", EvalSets[set]);
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, relative);
            if (File.Exists(candidate))
            {
                return Path.GetRelativePath(Environment.CurrentDirectory, candidate);
            }
        }

        throw new CliException($"--set {set}: no {relative} in the current directory or its parents (run from the repository, or pass the file)");
    }

    private static (Option<string> Server, Option<string?> Key) ServerOptions() =>
        (new Option<string>("--server") { Description = "The desk server's URL.", HelpName = "URL", DefaultValueFactory = _ => ImportCommand.DefaultServer },
         new Option<string?>("--key") { Description = $"An API key (import: the write scope; default: ${ImportCommand.KeyVariable}).", HelpName = "KEY" });

    private static async Task<int> ImportAsync(CliContext context, string folder, string server, string? key, CancellationToken cancellationToken)
    {
        var files = KnowledgeFolder.Read(folder);
        using var http = CreateHttp(key);
        var client = new KnowledgeClient(http, ServerUri(server));
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal) { ["created"] = 0, ["updated"] = 0, ["unchanged"] = 0 };
        foreach (var file in files)
        {
            string outcome;
            try
            {
                outcome = await client.UpsertAsync(file.Document, cancellationToken).ConfigureAwait(false);
            }
            catch (CliException exception) when (exception.Message.StartsWith("the server answered 4", StringComparison.Ordinal))
            {
                throw new CliException($"{file.Path}: {exception.Message}", exception);
            }

            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        context.Output.Text.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"imported {files.Count} articles from {folder}: {outcomes["created"]} created, {outcomes["updated"]} updated, {outcomes["unchanged"]} unchanged"));
        return ExitCodes.Success;
    }

    private static async Task<int> EvalAsync(CliContext context, string path, string server, string? key, bool listMisses, CancellationToken cancellationToken)
    {
        var questions = ReadQuestions(path);
        using var http = CreateHttp(key);
        var client = new KnowledgeClient(http, ServerUri(server));
        int top1 = 0, top3 = 0;
        var byArticle = new SortedDictionary<string, (int Asked, List<string> Got)>(StringComparer.Ordinal);
        foreach (var (line, slug, question) in questions)
        {
            var found = await client.SearchAsync(question, 3, cancellationToken).ConfigureAwait(false);
            var article = byArticle.GetValueOrDefault(slug, (0, []));
            byArticle[slug] = (article.Asked + 1, article.Got);
            if (found.Count > 0 && found[0] == slug)
            {
                top1++;
            }
            else
            {
                article.Got.Add(found.Count > 0 ? found[0] : "nothing");
                if (listMisses)
                {
                    context.Output.Text.WriteLine($"{path}:{line}: expected {slug}, got {(found.Count > 0 ? string.Join(", ", found) : "nothing")}: {question}");
                }
            }

            if (found.Contains(slug))
            {
                top3++;
            }
        }

        context.Output.Text.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{path}: {questions.Count} questions: top-1 {top1} ({100.0 * top1 / questions.Count:F1} %), top-3 {top3} ({100.0 * top3 / questions.Count:F1} %)"));
        var missed = byArticle.Where(a => a.Value.Got.Count > 0).ToList();
        context.Output.Text.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"misses by article: {missed.Count} of {byArticle.Count} articles missed at least once"));
        foreach (var (slug, (asked, got)) in missed.OrderByDescending(a => a.Value.Got.Count).ThenBy(a => a.Key, StringComparer.Ordinal))
        {
            context.Output.Text.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {slug}: {got.Count} of {asked} (first result: {string.Join(", ", got)})"));
        }

        return ExitCodes.Success;
    }

    private static List<(int Line, string Slug, string Question)> ReadQuestions(string path)
    {
        var questions = new List<(int, string, string)>();
        using var stream = InputFiles.Open(path);
        using var reader = new StreamReader(stream);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("slug\t", StringComparison.Ordinal))
            {
                continue;
            }

            var parts = line.Split('\t');
            if (parts.Length != 2 || parts[0].Length == 0 || string.IsNullOrWhiteSpace(parts[1]))
            {
                throw CliException.At(path, number, "expected 'slug<TAB>question'");
            }

            questions.Add((number, parts[0], parts[1]));
        }

        return questions.Count > 0 ? questions : throw new CliException($"{path}: no questions");
    }

    private static HttpClient CreateHttp(string? key)
    {
        key ??= Environment.GetEnvironmentVariable(ImportCommand.KeyVariable);
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new CliException($"no API key: pass --key or set {ImportCommand.KeyVariable}");
        }

        var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", key.Trim());
        return http;
    }

    private static Uri ServerUri(string server) =>
        Uri.TryCreate(server.EndsWith('/') ? server : server + "/", UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new CliException($"--server '{server}' is not an http(s) URL");
}
