using Microsoft.Extensions.Time.Testing;
using Rapport.Desk.ApiKeys;
using Rapport.Server.Security;

namespace Rapport.Server.Tests.Security;

public sealed class ApiKeyCacheTests
{
    private const string Token = "rpt_abcdefgh_0123456789012345678901234567890123456789";

    private static ApiKey Key(long id) => new() { Id = id, Name = "Integration", Prefix = "abcdefgh", SecretHash = [1], Scope = ApiKeyScope.Write };

    [Fact]
    public void TryGet_WithinLifetime_ReturnsTheKey()
    {
        var time = new FakeTimeProvider();
        var cache = new ApiKeyCache(time);
        cache.Add(Token, Key(7));

        time.Advance(ApiKeyCache.Lifetime - TimeSpan.FromSeconds(1));

        Assert.True(cache.TryGet(Token, out var key));
        Assert.Equal(7, key.Id);
        Assert.Equal(ApiKeyScope.Write, key.Scope);
    }

    [Fact]
    public void TryGet_AfterLifetime_MissesSoTheDatabaseIsAskedAgain()
    {
        var time = new FakeTimeProvider();
        var cache = new ApiKeyCache(time);
        cache.Add(Token, Key(7));

        time.Advance(ApiKeyCache.Lifetime);

        Assert.False(cache.TryGet(Token, out _));
    }

    [Fact]
    public void Forget_DropsTheRevokedKeyOnly()
    {
        var cache = new ApiKeyCache(new FakeTimeProvider());
        const string other = "rpt_zyxwvuts_0123456789012345678901234567890123456789";
        cache.Add(Token, Key(7));
        cache.Add(other, Key(8));

        cache.Forget(7);

        Assert.False(cache.TryGet(Token, out _));
        Assert.True(cache.TryGet(other, out _));
    }

    [Fact]
    public void TryGet_OtherToken_Misses()
    {
        var cache = new ApiKeyCache(new FakeTimeProvider());
        cache.Add(Token, Key(7));

        Assert.False(cache.TryGet(Token[..^1] + "X", out _));
    }
}
