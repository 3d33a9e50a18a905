using System.Reactive.Concurrency;

namespace RxTrader.Host.Bench;

/// <summary>The <c>bench</c> verb: runs the modes, prints the table or the JSON document, writes <c>--out</c>.</summary>
internal static class BenchRun
{
    /// <summary>Runs the bench.</summary>
    /// <returns>The document (also printed).</returns>
    public static async Task<BenchDocument> ExecuteAsync(BenchSettings settings, TextWriter output, TimeProvider time, IScheduler timers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(output);
        var modes = settings.Mode == BenchMode.All ? [BenchMode.Throughput, BenchMode.Latency] : new[] { settings.Mode };
        var results = new List<BenchModeResult>();
        foreach (var mode in modes)
        {
            if (!settings.Json)
            {
                await output.WriteLineAsync($"rxtrader bench: {mode.ToString().ToLowerInvariant()} ({settings.Warmup.TotalSeconds:0.#} s warm-up + {settings.Duration.TotalSeconds:0.#} s)...").ConfigureAwait(false);
                await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            results.Add(await BenchRunner.RunAsync(mode, settings, time, timers, cancellationToken).ConfigureAwait(false));
        }

        var document = BenchDocument.Create(MachineInfo.Current(), settings, results);
        var json = document.ToJson();
        await output.WriteLineAsync(settings.Json ? json : document.ToTable()).ConfigureAwait(false);
        if (settings.OutputFile is { } file)
        {
            await File.WriteAllTextAsync(file, json + Environment.NewLine, cancellationToken).ConfigureAwait(false);
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return document;
    }
}
