using RxTrader.Host.Configuration;

namespace RxTrader.Host.Run;

/// <summary>Runs the trading engine with validated settings until <c>stopping</c> is cancelled.</summary>
public static class EngineRun
{
    /// <summary>Runs the engine.</summary>
    /// <param name="settings">The validated settings.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="stopping">Cancelled on Ctrl+C, SIGTERM or when the duration is over.</param>
    /// <returns>The process exit code.</returns>
    public static Task<int> ExecuteAsync(RunSettings settings, TextWriter output, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine("engine not composed");
        return Task.FromResult(0);
    }
}
