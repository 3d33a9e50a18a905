using System.Reactive.Concurrency;

namespace RxTrader.Host.Cli;

/// <summary>What the verbs get from the process: its streams, environment, clocks and the stop signal.</summary>
/// <param name="Output">Standard output (dashboards, URLs, the engine's own output).</param>
/// <param name="Error">Standard error (messages).</param>
/// <param name="OutputIsTerminal">Whether standard output is a terminal.</param>
/// <param name="BaseDirectory">The executable's folder (its <c>appsettings.json</c>).</param>
/// <param name="Environment">The environment variables.</param>
/// <param name="UserSecretsFile">The user-secrets file, or <see langword="null"/>.</param>
/// <param name="Time">The wall clock of the host (durations, status lines).</param>
/// <param name="Scheduler">The long-lived scheduler of the simulator (never disposed while the process runs).</param>
/// <param name="Stopping">Cancelled on Ctrl+C or SIGTERM.</param>
internal sealed record HostContext(
    TextWriter Output,
    TextWriter Error,
    bool OutputIsTerminal,
    string BaseDirectory,
    IReadOnlyDictionary<string, string?> Environment,
    string? UserSecretsFile,
    TimeProvider Time,
    IScheduler Scheduler,
    CancellationToken Stopping);
