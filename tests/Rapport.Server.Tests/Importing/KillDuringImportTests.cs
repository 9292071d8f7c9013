using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Desk.Conversations;
using Rapport.Desk.Data;
using Rapport.Desk.Importing;

namespace Rapport.Server.Tests.Importing;

/// <summary>
/// Nothing acknowledged is ever lost: the server process is killed (SIGKILL) while an import is in flight, restarted
/// on the same database, and every message of every acknowledged (200) import is there exactly once; importing
/// everything again then stores only what was not acknowledged, and nothing twice.
/// </summary>
public abstract class KillDuringImportTests : IAsyncLifetime
{
    private const int AcknowledgedChunks = 4;
    private const int SmallChunk = 200;
    private const int InFlightChunk = 3000;
    private ScratchDatabase? _scratch;

    protected abstract TestDatabase Database { get; }

    private string ConnectionString => _scratch!.ConnectionString;

    public async Task InitializeAsync() => _scratch = await ScratchDatabase.CreateAsync(Database, "kill");

    public async Task DisposeAsync()
    {
        if (_scratch is not null)
        {
            await _scratch.DisposeAsync();
        }
    }

    [Fact]
    public async Task Every_acknowledged_message_survives_a_SIGKILL_during_an_import()
    {
        // Chunks of conversations; every third line has no external id, so derived ids are checked too.
        var chunks = new List<(string Body, List<string> Ids)>();
        var line = 0;
        foreach (var size in Enumerable.Repeat(SmallChunk, AcknowledgedChunks).Append(InFlightChunk).Append(SmallChunk))
        {
            chunks.Add(Chunk(size, ref line));
        }

        var acknowledged = new List<string>();
        string key;
        await using (var first = await ServerProcess.StartAsync(Database, ConnectionString))
        {
            key = first.PrintedKey ?? throw new InvalidOperationException("No admin key printed: " + first.Output);
            using var client = Client(first.Url, key);
            foreach (var (body, ids) in chunks.Take(AcknowledgedChunks))
            {
                using var response = await PostAsync(client, body);
                Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
                acknowledged.AddRange(ids);
            }

            // The big chunk is in flight when the process dies.
            var inFlight = PostAsync(client, chunks[AcknowledgedChunks].Body);
            await Task.Delay(150);
            await first.KillAsync();
            try
            {
                using var late = await inFlight;
                if (late.IsSuccessStatusCode)
                {
                    // It finished before the kill: acknowledged, so it must survive too.
                    acknowledged.AddRange(chunks[AcknowledgedChunks].Ids);
                }
            }
            catch (HttpRequestException)
            {
                // Not acknowledged: the client knows to send it again.
            }
        }

        await using var second = await ServerProcess.StartAsync(Database, ConnectionString);
        Assert.Null(second.PrintedKey); // the same database: its admin key is still there
        await using (var db = Context())
        {
            var stored = await db.Messages.AsNoTracking().Where(m => EF.Parameter(acknowledged).Contains(m.ExternalId!))
                .Select(m => m.ExternalId!).ToListAsync();
            Assert.Equal(acknowledged.Count, stored.Count);
            Assert.Equal(acknowledged.Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));
        }

        // Everything again, on the restarted server: the acknowledged lines are duplicates, the rest is stored once.
        using var again = Client(second.Url, key);
        var duplicates = 0;
        foreach (var (body, ids) in chunks)
        {
            using var response = await PostAsync(again, body);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            var report = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(ids.Count, report.GetProperty("imported").GetInt32() + report.GetProperty("duplicates").GetInt32());
            duplicates += report.GetProperty("duplicates").GetInt32();
        }

        Assert.True(duplicates >= acknowledged.Count);
        await using (var db = Context())
        {
            var all = chunks.SelectMany(c => c.Ids).ToList();
            Assert.Equal(all.Count, await db.Messages.CountAsync());
            Assert.Equal(all.Count, await db.Messages.CountAsync(m => EF.Parameter(all).Contains(m.ExternalId!)));
            Assert.Equal(
                await db.Messages.CountAsync(m => m.Author == MessageAuthor.Customer),
                await db.MessageReadings.CountAsync());
        }
    }

    private static (string Body, List<string> Ids) Chunk(int size, ref int line)
    {
        var body = new StringBuilder();
        var ids = new List<string>(size);
        for (var i = 0; i < size; i++, line++)
        {
            var conversation = $"kill-{line / 4}";
            var author = line % 4 is 1 or 3 ? MessageAuthor.Agent : MessageAuthor.Customer;
            var timestamp = new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(line);
            var text = author == MessageAuthor.Customer
                ? $"Order {line} has not arrived and I'm getting worried, it's been two weeks."
                : $"I'm sorry about order {line}; I've checked with the courier and it arrives tomorrow.";
            var externalId = line % 3 == 0 ? null : $"kill-msg-{line}";
            ids.Add(externalId ?? ImportExternalIds.Derive(conversation, timestamp, author, text));
            body.Append(JsonSerializer.Serialize(new
            {
                conversation,
                customer = $"Customer {line / 40}",
                author = author.ToString().ToLowerInvariant(),
                timestamp = timestamp.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                channel = "email",
                text,
                externalId,
            })).Append('\n');
        }

        return (body.ToString(), ids);
    }

    private static HttpClient Client(Uri url, string key)
    {
        var client = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string body) =>
        client.PostAsync(new Uri("/api/v1/import", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/x-ndjson"));

    private RapportDbContext Context() => new(Database == TestDatabase.Sqlite
        ? new DbContextOptionsBuilder<RapportDbContext>().UseSqlite(ConnectionString).Options
        : new DbContextOptionsBuilder<RapportDbContext>().UseNpgsql(ConnectionString).Options);
}

public sealed class KillDuringImportTestsOnSqlite : KillDuringImportTests
{
    protected override TestDatabase Database => TestDatabase.Sqlite;
}

public sealed class KillDuringImportTestsOnPostgreSql : KillDuringImportTests
{
    protected override TestDatabase Database => TestDatabase.PostgreSql;
}
