namespace Rapport.Cli;

/// <summary>The process exit codes of <c>rapport</c>.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>An unexpected failure: a bug, reported in one line.</summary>
    public const int InternalError = 1;

    /// <summary><c>rapport import</c>: the import ran, but some lines were rejected (listed on stderr and in --rejected).</summary>
    public const int SomeRejected = 1;

    /// <summary>Bad input or usage: a missing or malformed file, a bad option value.</summary>
    public const int BadInput = 2;

    /// <summary>Cancelled with Ctrl+C (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;
}
