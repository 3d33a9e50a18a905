using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Configuration.UserSecrets;
using OsProcess = System.Diagnostics.Process;

namespace RxTrader.Host.Tests.Process;

/// <summary>
/// The real <c>rxtrader</c> process, started from a test: <c>dotnet rxtrader.dll</c> with arguments and environment
/// variables, its standard output and error captured line by line into bounded buffers.
/// </summary>
/// <remarks>
/// The child never inherits <c>RXTRADER_*</c> variables from the test run and gets its own empty user-secrets folder
/// (<c>APPDATA</c>), so only what the test passes configures it. Disposing kills the process tree if it still runs.
/// </remarks>
public sealed class HostProcess : IAsyncDisposable
{
    /// <summary>How many lines of each stream are kept (the oldest go first).</summary>
    public const int MaxLines = 10_000;

    /// <summary>A generous default for waits: the machine is shared.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    private readonly OsProcess _process;
    private readonly string _secretsFolder;
    private readonly Lock _gate = new();
    private readonly Queue<string> _output = new();
    private readonly Queue<string> _error = new();
    private readonly List<(Func<string, bool> Predicate, TaskCompletionSource<string> Found)> _waiters = [];
    private readonly TaskCompletionSource _outputClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _errorClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HostProcess(OsProcess process, string secretsFolder)
    {
        _process = process;
        _secretsFolder = secretsFolder;
    }

    /// <summary>The path of the host assembly started.</summary>
    public static string HostAssembly => typeof(RxTrader.Host.Cli.RxTraderCli).Assembly.Location;

    /// <summary>The process id.</summary>
    public int Id => _process.Id;

    /// <summary>The standard output lines so far (the last <see cref="MaxLines"/>).</summary>
    public IReadOnlyList<string> OutputLines
    {
        get
        {
            lock (_gate)
            {
                return [.. _output];
            }
        }
    }

    /// <summary>The standard error lines so far (the last <see cref="MaxLines"/>).</summary>
    public IReadOnlyList<string> ErrorLines
    {
        get
        {
            lock (_gate)
            {
                return [.. _error];
            }
        }
    }

    /// <summary>Everything captured so far, output then error, for assertion messages.</summary>
    public string Transcript => string.Join('\n', OutputLines) + "\n--- stderr ---\n" + string.Join('\n', ErrorLines);

    /// <summary>Starts <c>dotnet rxtrader.dll <paramref name="arguments"/></c>.</summary>
    /// <param name="arguments">The command line.</param>
    /// <param name="environment">Extra environment variables (a null value removes one).</param>
    /// <param name="userSecrets">The host's user secrets (for example <c>Binance:ApiKey</c>), or none.</param>
    /// <returns>The running process.</returns>
    public static HostProcess Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null, IReadOnlyDictionary<string, string>? userSecrets = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var secretsFolder = Directory.CreateTempSubdirectory("rxtrader-appdata-").FullName;
        if (userSecrets is not null)
        {
            // Where Microsoft.Extensions.Configuration.UserSecrets looks when APPDATA is set.
            var id = typeof(RxTrader.Host.Cli.RxTraderCli).Assembly.GetCustomAttribute<UserSecretsIdAttribute>()!.UserSecretsId;
            var file = Path.Combine(secretsFolder, "Microsoft", "UserSecrets", id, "secrets.json");
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, JsonSerializer.Serialize(userSecrets));
        }

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(HostAssembly)!,
        };
        start.ArgumentList.Add(HostAssembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(static k => k.StartsWith("RXTRADER_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["APPDATA"] = secretsFolder;
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var process = new OsProcess { StartInfo = start, EnableRaisingEvents = true };
        var host = new HostProcess(process, secretsFolder);
        process.OutputDataReceived += (_, e) => host.OnLine(e.Data, host._output, host._outputClosed);
        process.ErrorDataReceived += (_, e) => host.OnLine(e.Data, host._error, host._errorClosed);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Waits for a line of output or error (one already captured counts) that matches.</summary>
    /// <param name="predicate">The line to wait for.</param>
    /// <param name="timeout">How long to wait; <see cref="DefaultTimeout"/> when null.</param>
    /// <returns>The first matching line.</returns>
    /// <exception cref="TimeoutException">No such line in time, or the process ended first; with the transcript.</exception>
    public async Task<string> WaitForLineAsync(Func<string, bool> predicate, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_output.Concat(_error).FirstOrDefault(predicate) is { } line)
            {
                return line;
            }

            _waiters.Add((predicate, found));
        }

        var ended = Task.WhenAll(_outputClosed.Task, _errorClosed.Task);
        var first = await Task.WhenAny(found.Task, ended, Task.Delay(timeout ?? DefaultTimeout)).ConfigureAwait(false);
        if (first == found.Task)
        {
            return await found.Task.ConfigureAwait(false);
        }

        lock (_gate)
        {
            _waiters.RemoveAll(w => w.Found == found);
        }

        var why = first == ended ? "the process ended" : "timed out";
        throw new TimeoutException($"No matching line ({why}). Transcript:\n{Transcript}");
    }

    /// <summary>Sends SIGINT (what Ctrl+C sends) with <c>kill -INT</c>.</summary>
    public Task InterruptAsync() => SignalAsync("INT");

    /// <summary>Sends SIGTERM (what a service manager sends) with <c>kill -TERM</c>.</summary>
    public Task TerminateAsync() => SignalAsync("TERM");

    private async Task SignalAsync(string signal)
    {
        using var kill = OsProcess.Start(new ProcessStartInfo("kill", ["-" + signal, Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("kill did not start.");
        await kill.WaitForExitAsync().ConfigureAwait(false);
    }

    /// <summary>Waits for the process to end and for its output to be read.</summary>
    /// <param name="timeout">How long to wait; <see cref="DefaultTimeout"/> when null.</param>
    /// <returns>The exit code.</returns>
    /// <exception cref="TimeoutException">It is still running; with the transcript.</exception>
    public async Task<int> WaitForExitAsync(TimeSpan? timeout = null)
    {
        using var limit = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            await _process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
            await Task.WhenAll(_outputClosed.Task, _errorClosed.Task).WaitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The process is still running. Transcript:\n{Transcript}");
        }

        return _process.ExitCode;
    }

    /// <summary>Runs the host to its end.</summary>
    /// <param name="arguments">The command line.</param>
    /// <param name="environment">Extra environment variables.</param>
    /// <returns>The exit code, the output and the error output.</returns>
    /// <param name="userSecrets">The host's user secrets, or none.</param>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null, IReadOnlyDictionary<string, string>? userSecrets = null)
    {
        await using var host = Start(arguments, environment, userSecrets);
        var code = await host.WaitForExitAsync().ConfigureAwait(false);
        return (code, string.Join('\n', host.OutputLines), string.Join('\n', host.ErrorLines));
    }

    /// <summary>Kills the process tree if it still runs and removes its user-secrets folder.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().ConfigureAwait(false);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_secretsFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void OnLine(string? line, Queue<string> buffer, TaskCompletionSource closed)
    {
        if (line is null)
        {
            closed.TrySetResult();
            return;
        }

        List<TaskCompletionSource<string>>? matched = null;
        lock (_gate)
        {
            buffer.Enqueue(line);
            if (buffer.Count > MaxLines)
            {
                buffer.Dequeue();
            }

            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Predicate(line))
                {
                    (matched ??= []).Add(_waiters[i].Found);
                    _waiters.RemoveAt(i);
                }
            }
        }

        matched?.ForEach(found => found.TrySetResult(line));
    }
}
