using System.Diagnostics;

namespace RxTrader.Trading.CrashHost;

/// <summary>Runs the crash host as a child process from a test: until killed after some acknowledgements, or to its end.</summary>
public static class CrashHostProcess
{
    /// <summary>How long a run may take before the test gives up (generous: the machine is shared).</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Starts the host with <paramref name="arguments"/>, reads its output until it has printed
    /// <paramref name="acks"/> <c>ACK</c> lines, then kills it (the whole process tree) without warning.
    /// </summary>
    /// <param name="arguments">The host's command line (see <c>Program.cs</c>).</param>
    /// <param name="acks">How many acknowledged orders to wait for.</param>
    /// <returns>The client order ids the host acknowledged before it was killed.</returns>
    /// <exception cref="InvalidOperationException">The host ended before that, with its error output.</exception>
    public static async Task<List<string>> RunUntilKilledAsync(IEnumerable<string> arguments, int acks)
    {
        using var process = Process.Start(Start(arguments)) ?? throw new InvalidOperationException("The host did not start.");
        using var timeout = new CancellationTokenSource(Limit);
        var acked = new List<string>();
        try
        {
            while (acked.Count < acks)
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token).ConfigureAwait(false)
                    ?? throw new InvalidOperationException(
                        "The host ended early: " + await process.StandardError.ReadToEndAsync(timeout.Token).ConfigureAwait(false));
                if (line.StartsWith("ACK ", StringComparison.Ordinal))
                {
                    acked.Add(line.Split(' ')[1]);
                }
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }

        return acked;
    }

    /// <summary>Runs the host with <paramref name="arguments"/> to its end.</summary>
    /// <param name="arguments">The host's command line, including the number of orders.</param>
    /// <returns>Its exit code, its output and its error output.</returns>
    public static async Task<(int ExitCode, string Output, string Error)> RunToEndAsync(IEnumerable<string> arguments)
    {
        using var process = Process.Start(Start(arguments)) ?? throw new InvalidOperationException("The host did not start.");
        using var timeout = new CancellationTokenSource(Limit);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        var output = await process.StandardOutput.ReadToEndAsync(timeout.Token).ConfigureAwait(false);
        await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        return (process.ExitCode, output, await error.ConfigureAwait(false));
    }

    private static ProcessStartInfo Start(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(typeof(CrashHostProcess).Assembly.Location);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }
}
