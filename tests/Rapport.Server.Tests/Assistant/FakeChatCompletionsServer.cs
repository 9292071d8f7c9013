using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Rapport.Server.Tests.Assistant;

/// <summary>
/// A stand-in for an OpenAI-compatible model server on Kestrel at 127.0.0.1, port 0: POST /v1/chat/completions answers
/// with a non-streaming chat.completion object as the OpenAI API does, or with a status code, or not at all (until the
/// client gives up). Every request is recorded.
/// </summary>
public sealed class FakeChatCompletionsServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeChatCompletionsServer(WebApplication app) => _app = app;

    /// <summary>The base URL to configure as the endpoint (ends in /v1).</summary>
    public string Endpoint { get; private set; } = "";

    /// <summary>The reply's content (default: an empty string).</summary>
    public string Reply { get; set; } = "";

    /// <summary>A status to answer with instead of a completion (e.g. 500), or null.</summary>
    public int? FailWith { get; set; }

    /// <summary>True never answers: the request waits until the client aborts it.</summary>
    public bool Hang { get; set; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public static async Task<FakeChatCompletionsServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeChatCompletionsServer(app);
        app.MapPost("/v1/chat/completions", (Func<HttpContext, Task<IResult>>)fake.CompleteAsync);
        await app.StartAsync();
        fake.Endpoint = app.Urls.Single() + "/v1";
        return fake;
    }

    private async Task<IResult> CompleteAsync(HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        Requests.Enqueue(new RecordedRequest(context.Request.Headers.Authorization.ToString(), body.RootElement.Clone()));
        if (Hang)
        {
            try
            {
                await Task.Delay(TimeSpan.FromMinutes(2), context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
            }

            return Results.Empty;
        }

        if (FailWith is { } status)
        {
            return Results.Json(new { error = new { message = "The model is overloaded", type = "server_error" } }, statusCode: status);
        }

        return Results.Json(new
        {
            id = "chatcmpl-test",
            @object = "chat.completion",
            created = 1_760_000_000,
            model = body.RootElement.GetProperty("model").GetString(),
            choices = new[] { new { index = 0, message = new { role = "assistant", content = Reply }, finish_reason = "stop" } },
            usage = new { prompt_tokens = 100, completion_tokens = 50, total_tokens = 150 },
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>What the fake model server received.</summary>
/// <param name="Authorization">The Authorization header.</param>
/// <param name="Body">The JSON body.</param>
public sealed record RecordedRequest(string Authorization, JsonElement Body)
{
    /// <summary>All the messages' contents, joined.</summary>
    public string Prompt => string.Join("\n", Body.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("content").GetString()));
}
