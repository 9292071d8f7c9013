using System.Net;

namespace Rapport.Server.Tests.Security;

/// <summary>The fixture allows 3 failed key attempts per address per window; one test per fixture, as it blocks 127.0.0.1.</summary>
public abstract class FailedKeyAttemptTests(ServerFixture server)
{
    private static readonly Uri Teams = new("/api/v1/teams", UriKind.Relative);

    [Fact]
    public async Task Address_that_keeps_sending_bad_keys_gets_429_with_Retry_After_even_for_a_good_key()
    {
        using var guesser = server.CreateClient("rpt_abcdefgh_" + new string('x', 40));
        for (var i = 0; i < 3; i++)
        {
            using var unauthorized = await guesser.GetAsync(Teams);
            Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        }

        using var blocked = await guesser.GetAsync(Teams);
        await ApiKeyTests.AssertProblemAsync(blocked, HttpStatusCode.TooManyRequests);
        Assert.True(blocked.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {blocked.Headers.RetryAfter}");

        // A valid key from the same address waits too: a guess that happens to succeed must not be confirmed.
        using var good = await server.Client.GetAsync(Teams);
        Assert.Equal(HttpStatusCode.TooManyRequests, good.StatusCode);

        // Public pages and requests without a key are not affected.
        using var anonymousClient = server.CreateClient(null);
        using var docs = await anonymousClient.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        using var noKey = await anonymousClient.GetAsync(Teams);
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Null(noKey.Headers.RetryAfter);
    }
}

public sealed class FailedKeyAttemptTestsOnSqlite(FailedKeyLimitedDeskFixture server) : FailedKeyAttemptTests(server), IClassFixture<FailedKeyLimitedDeskFixture>;

public sealed class FailedKeyAttemptTestsOnPostgreSql(FailedKeyLimitedDeskPostgreSqlFixture server) : FailedKeyAttemptTests(server), IClassFixture<FailedKeyLimitedDeskPostgreSqlFixture>;
