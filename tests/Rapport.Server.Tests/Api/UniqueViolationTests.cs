using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Rapport.Server.Api;

namespace Rapport.Server.Tests.Api;

/// <summary>A request that loses a race to the database's unique index is a 409, on either provider; other failures stay errors.</summary>
public sealed class UniqueViolationTests
{
    [Fact]
    public void IsUniqueViolation_SqliteUniqueConstraint_IsAConflict() =>
        Assert.True(ApiExceptionHandler.IsUniqueViolation(new DbUpdateException("save", new SqliteException("UNIQUE constraint failed: Messages.ExternalId", 19, 2067))));

    [Fact]
    public void IsUniqueViolation_PostgresUniqueViolation_IsAConflict() =>
        Assert.True(ApiExceptionHandler.IsUniqueViolation(new DbUpdateException("save", new PostgresException("duplicate key", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation))));

    [Fact]
    public void IsUniqueViolation_OtherFailures_AreNot()
    {
        Assert.False(ApiExceptionHandler.IsUniqueViolation(new DbUpdateException("save", new SqliteException("FOREIGN KEY constraint failed", 19, 787))));
        Assert.False(ApiExceptionHandler.IsUniqueViolation(new DbUpdateException("save", new PostgresException("deadlock", "ERROR", "ERROR", PostgresErrorCodes.DeadlockDetected))));
        Assert.False(ApiExceptionHandler.IsUniqueViolation(new DbUpdateException("save")));
    }
}
