using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Desk.ApiKeys;
using Rapport.Desk.Data;

namespace Rapport.Server.Tests.Security;

public abstract class ApiKeyTests(ServerFixture server)
{
    private static readonly Uri Teams = new("/api/v1/teams", UriKind.Relative);
    private static readonly Uri Keys = new("/api/v1/api-keys", UriKind.Relative);

    [Fact]
    public async Task Request_without_a_key_is_a_401_problem_while_docs_stay_public()
    {
        using var anonymous = server.CreateClient(null);

        using var response = await anonymous.GetAsync(Teams);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        using var docs = await anonymous.GetAsync(new Uri("/docs", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        using var openApi = await anonymous.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
        var document = await openApi.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey").GetProperty("scheme").GetString());
    }

    [Fact]
    public async Task Wrong_or_malformed_key_is_a_401_problem()
    {
        // Same prefix as a real key, different secret: the hash comparison must fail.
        var real = server.AdminKey;
        var wrongSecret = real[..^4] + (real.EndsWith("aaaa", StringComparison.Ordinal) ? "bbbb" : "aaaa");
        foreach (var key in new[] { wrongSecret, "rpt_nope", "not-a-key" })
        {
            using var client = server.CreateClient(key);
            using var response = await client.GetAsync(Teams);
            await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        }
    }

    [Fact]
    public async Task Key_in_the_X_Api_Key_header_is_accepted()
    {
        using var client = server.CreateClient(null);
        client.DefaultRequestHeaders.Add("X-Api-Key", server.AdminKey);

        using var response = await client.GetAsync(Teams);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Revoked_key_is_a_401_problem()
    {
        var key = await server.CreateKeyAsync("Soon revoked", ApiKeyScope.Read);
        using var client = server.CreateClient(key);
        using (var before = await client.GetAsync(Teams))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        var id = await IdOfAsync(key);
        using var revoke = await server.Client.DeleteAsync(new Uri($"/api/v1/api-keys/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.NotEqual(JsonValueKind.Null, (await revoke.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("revokedAt").ValueKind);

        using var after = await client.GetAsync(Teams);
        await AssertProblemAsync(after, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Read_only_key_can_get_but_not_post_or_manage_keys()
    {
        using var client = server.CreateClient(await server.CreateKeyAsync("Read only", ApiKeyScope.Read));

        using var get = await client.GetAsync(Teams);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        using var post = await client.PostAsJsonAsync(Teams, new { name = "Not allowed" });
        await AssertProblemAsync(post, HttpStatusCode.Forbidden);
        using var keys = await client.GetAsync(Keys);
        await AssertProblemAsync(keys, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Write_key_can_post_but_not_manage_keys()
    {
        using var client = server.CreateClient(await server.CreateKeyAsync("Writer", ApiKeyScope.Write));

        using var post = await client.PostAsJsonAsync(Teams, new { name = "Writers " + Guid.NewGuid().ToString("N")[..6] });
        Assert.Equal(HttpStatusCode.Created, post.StatusCode);
        using var create = await client.PostAsJsonAsync(Keys, new { name = "Escalation", scope = "admin" });
        await AssertProblemAsync(create, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Created_key_is_shown_once_listed_without_secret_and_stored_as_a_hash()
    {
        var created = await server.PostJsonAsync("/api/v1/api-keys", new { name = "Integration", scope = "write" }, 201);
        var token = created.GetProperty("key").GetString()!;
        var prefix = created.GetProperty("prefix").GetString()!;
        Assert.Matches("^rpt_[a-z0-9]{8}_[A-Za-z0-9]{40}$", token);
        Assert.StartsWith($"rpt_{prefix}_", token, StringComparison.Ordinal);
        Assert.Equal("write", created.GetProperty("scope").GetString());

        // The new key works.
        using (var client = server.CreateClient(token))
        using (var post = await client.PostAsJsonAsync(Teams, new { name = "Integration " + prefix }))
        {
            Assert.Equal(HttpStatusCode.Created, post.StatusCode);
        }

        // The list names it but holds no secret.
        using var list = await server.Client.GetAsync(Keys);
        var text = await list.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var secret = token[(token.LastIndexOf('_') + 1)..];
        Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        var listed = JsonDocument.Parse(text).RootElement.EnumerateArray().Single(k => k.GetProperty("prefix").GetString() == prefix);
        Assert.False(listed.TryGetProperty("key", out _));
        Assert.Equal("Integration", listed.GetProperty("name").GetString());

        // The database holds SHA-256 of the secret, never the secret.
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
        var stored = await db.ApiKeys.AsNoTracking().SingleAsync(k => k.Prefix == prefix);
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(secret)), stored.SecretHash);
        Assert.DoesNotContain(secret, stored.Name, StringComparison.Ordinal);
        Assert.NotNull(stored.LastUsedAt);
    }

    [Fact]
    public async Task Key_creation_validates_name_and_scope_and_revoking_an_unknown_key_is_404()
    {
        using var bad = await server.Client.PostAsJsonAsync(Keys, new { name = "", scope = "root" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("scope", out _));

        using var unknown = await server.Client.DeleteAsync(new Uri("/api/v1/api-keys/987654", UriKind.Relative));
        await AssertProblemAsync(unknown, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task First_start_creates_one_admin_key_and_a_second_start_does_not()
    {
        var list = await server.GetJsonAsync("/api/v1/api-keys");
        var first = Assert.Single(list.EnumerateArray(), k => k.GetProperty("name").GetString() == RapportServer.FirstKeyName);
        Assert.Equal("admin", first.GetProperty("scope").GetString());

        // The database now has an active admin key, so starting again prints nothing.
        Assert.Null((await server.App.InitializeAsync(CancellationToken.None)).ApiKey);
    }

    private async Task<long> IdOfAsync(string token)
    {
        var prefix = token.Split('_')[1];
        var list = await server.GetJsonAsync("/api/v1/api-keys");
        return list.EnumerateArray().Single(k => k.GetProperty("prefix").GetString() == prefix).GetProperty("id").GetInt64();
    }

    internal static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)expected, JsonDocument.Parse(text).RootElement.GetProperty("status").GetInt32());
    }
}

public sealed class ApiKeyTestsOnSqlite(EmptyDeskFixture server) : ApiKeyTests(server), IClassFixture<EmptyDeskFixture>;

public sealed class ApiKeyTestsOnPostgreSql(EmptyDeskPostgreSqlFixture server) : ApiKeyTests(server), IClassFixture<EmptyDeskPostgreSqlFixture>;
