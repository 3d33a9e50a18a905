using System.Diagnostics;
using System.Text;

namespace RxTrader.Simulator.Tests.Compatibility;

/// <summary>Runs one of the Node.js client scenarios in <c>scripts/compat</c> and captures its output.</summary>
/// <remarks>The packages are installed by the README test command (<c>npm ci --prefix scripts/compat</c>).</remarks>
internal static class NodeScenario
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    /// <summary>The exit code and everything the script printed.</summary>
    public sealed record Outcome(int ExitCode, string Output);

    public static async Task<Outcome> RunAsync(string script, params string[] arguments)
    {
        var folder = Path.Combine(RepositoryRoot(), "scripts", "compat");
        if (!Directory.Exists(Path.Combine(folder, "node_modules")))
        {
            throw new InvalidOperationException(
                $"The client packages are not installed in {folder}; run the README test command (scripts/test.sh), which runs npm ci there.");
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var output = new StringBuilder();
        var gate = new Lock();
        void Append(string? line)
        {
            if (line is not null)
            {
                lock (gate)
                {
                    output.AppendLine(line);
                }
            }
        }

        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = new CancellationTokenSource(Deadline);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Append($"killed after {Deadline.TotalSeconds} s");
            return new Outcome(-1, Text());
        }

        // WaitForExitAsync returns before the redirected streams are drained; the parameterless wait drains them.
        process.WaitForExit();
        return new Outcome(process.ExitCode, Text());

        string Text()
        {
            lock (gate)
            {
                return output.ToString();
            }
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RxTrader.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("RxTrader.sln not found above " + AppContext.BaseDirectory);
    }
}
