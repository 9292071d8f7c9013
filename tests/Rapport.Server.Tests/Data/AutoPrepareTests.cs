using Npgsql;
using Rapport.Server.Data;

namespace Rapport.Server.Tests.Data;

/// <summary>The PostgreSQL connection string gets automatic preparation unless the operator chose a value.</summary>
public sealed class AutoPrepareTests
{
    [Fact]
    public void A_connection_string_without_the_setting_gets_the_default()
    {
        var result = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithAutoPrepare("Host=db;Database=rapport;Username=rapport"));

        Assert.Equal(DatabaseSetup.DefaultMaxAutoPrepare, result.MaxAutoPrepare);
        Assert.Equal("db", result.Host);
        Assert.Equal("rapport", result.Database);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;Max Auto Prepare=17", 17)]
    [InlineData("Host=db;MaxAutoPrepare=5", 5)]
    public void An_explicit_value_is_kept(string connectionString, int expected)
    {
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(DatabaseSetup.WithAutoPrepare(connectionString)).MaxAutoPrepare);
    }
}
