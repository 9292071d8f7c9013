using System.Net;
using Rapport.Desk.ApiKeys;

namespace Rapport.Server.Tests.Security;

/// <summary>The fixture allows 3 requests per key per window.</summary>
public abstract class RateLimitTests(ServerFixture server)
{
    private static readonly Uri Teams = new("/api/v1/teams", UriKind.Relative);

    [Fact]
    public async Task Key_over_its_limit_gets_429_with_Retry_After_and_other_keys_are_not_affected()
    {
        using var busy = server.CreateClient(await server.CreateKeyAsync("Busy", ApiKeyScope.Read));
        for (var i = 0; i < 3; i++)
        {
            using var ok = await busy.GetAsync(Teams);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var limited = await busy.GetAsync(Teams);
        await ApiKeyTests.AssertProblemAsync(limited, HttpStatusCode.TooManyRequests);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {limited.Headers.RetryAfter}");

        using var quiet = server.CreateClient(await server.CreateKeyAsync("Quiet", ApiKeyScope.Read));
        using var other = await quiet.GetAsync(Teams);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }
}

public sealed class RateLimitTestsOnSqlite(RateLimitedDeskFixture server) : RateLimitTests(server), IClassFixture<RateLimitedDeskFixture>;

public sealed class RateLimitTestsOnPostgreSql(RateLimitedDeskPostgreSqlFixture server) : RateLimitTests(server), IClassFixture<RateLimitedDeskPostgreSqlFixture>;
