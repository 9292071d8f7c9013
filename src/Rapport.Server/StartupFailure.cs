using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Rapport.Server;

/// <summary>Turns the failures an operator causes at start (settings, database, port) into one readable line.</summary>
internal static class StartupFailure
{
    /// <returns>The message, or null for a failure that is a bug (it keeps its stack trace).</returns>
    public static string? Describe(Exception exception) => exception switch
    {
        OptionsValidationException e => "invalid setting: " + string.Join("; ", e.Failures),
        DbException e => "the database could not be opened or migrated: " + e.Message,
        IOException { InnerException: SocketException s } => "cannot listen: " + s.Message,
        IOException e when e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase) => "cannot listen: " + e.Message,
        InvalidOperationException e when e.Message.StartsWith("Rapport:", StringComparison.Ordinal) || e.Message.StartsWith("Database provider", StringComparison.Ordinal) => e.Message,
        ArgumentException e when e.StackTrace?.Contains("ConnectionString", StringComparison.Ordinal) == true => "invalid connection string: " + e.Message,
        UnauthorizedAccessException e => "permission denied: " + e.Message,
        _ => null,
    };
}
