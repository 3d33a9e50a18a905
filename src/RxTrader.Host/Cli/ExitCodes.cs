namespace RxTrader.Host.Cli;

/// <summary>The process exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>Finished, or stopped by Ctrl+C / SIGTERM / <c>--duration</c>.</summary>
    public const int Ok = 0;

    /// <summary>An unexpected failure (or a second Ctrl+C).</summary>
    public const int Failure = 1;

    /// <summary>Bad arguments or configuration.</summary>
    public const int BadArguments = 2;
}
