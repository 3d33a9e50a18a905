using System.CommandLine;
using System.Globalization;
using RxTrader.Host.Bench;
using RxTrader.Host.Configuration;
using RxTrader.Trading.Journal;

namespace RxTrader.Host.Cli;

/// <summary>The <c>bench</c> verb: the end-to-end benchmark over loopback (options, validation, invocation).</summary>
internal static class BenchCommand
{
    /// <summary>The verb, ready to add to the root command.</summary>
    public static Command Create(HostContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = new BenchOptions();
        var command = new Command(
            "bench",
            "Benchmark the whole engine over loopback: a Binance-format WebSocket blaster → feed → 3 symbol pipelines → strategy → risk gate → journal → REST venue → embedded simulator. "
            + "Reports messages/s, tick→signal and tick→order-ack latency (P50/P99/P99.9), allocated bytes per message, peak RSS, drops and orders against the targets.");
        options.AddTo(command);
        command.SetAction(async (result, ct) =>
        {
            var (settings, errors) = options.Bind(result);
            if (settings is null)
            {
                foreach (var message in errors)
                {
                    await context.Error.WriteLineAsync("rxtrader: " + message).ConfigureAwait(false);
                }

                await context.Error.WriteLineAsync("rxtrader: see 'rxtrader bench --help' for the options.").ConfigureAwait(false);
                return ExitCodes.BadArguments;
            }

            await BenchRun.ExecuteAsync(settings, context.Output, context.Time, context.Scheduler, ct).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The options of the verb (command line only).</summary>
    internal sealed class BenchOptions
    {
        public Option<string> Mode { get; } = new("--mode")
        {
            HelpName = "MODE",
            Description = "throughput (blast as fast as possible), latency (paced, with orders) or all. Default: all.",
        };

        public Option<string> Duration { get; } = new("--duration")
        {
            HelpName = "DURATION",
            Description = "The measured window of each mode, after the warm-up (1s to 1h). Default: 10s.",
        };

        public Option<string> Warmup { get; } = new("--warmup")
        {
            HelpName = "DURATION",
            Description = "How long each mode runs before its window opens (0s to 5m). Default: 2s.",
        };

        public Option<string> Rate { get; } = new("--rate")
        {
            HelpName = "N",
            Description = "The latency mode's paced rate, messages per second over the 3 symbols (1 to 1000000). Default: 20000.",
        };

        public Option<string> SignalEvery { get; } = new("--signal-every")
        {
            HelpName = "N",
            Description = "The latency mode's strategy signals on every Nth trade of each symbol (1 to 1000000). Default: 20.",
        };

        public Option<string> OrdersPerSecond { get; } = new("--orders-per-second")
        {
            HelpName = "N",
            Description = "The bound on orders per second over all symbols (1 to 200). Default: 150.",
        };

        public Option<string> JournalSync { get; } = new("--journal-sync")
        {
            HelpName = "MODE",
            Description = "The journal's SQLite synchronous mode: normal or full (the engine's default). Default: normal.",
        };

        public Option<bool> Json { get; } = new("--json")
        {
            Description = "Print one JSON document instead of the table. Default: off.",
        };

        public Option<string> Out { get; } = new("--out")
        {
            HelpName = "FILE",
            Description = "Also write the JSON document to FILE. Default: none.",
        };

        public void AddTo(Command command)
        {
            command.Options.Add(Mode);
            command.Options.Add(Duration);
            command.Options.Add(Warmup);
            command.Options.Add(Rate);
            command.Options.Add(SignalEvery);
            command.Options.Add(OrdersPerSecond);
            command.Options.Add(JournalSync);
            command.Options.Add(Json);
            command.Options.Add(Out);
        }

        /// <summary>The validated settings, or the messages.</summary>
        public (BenchSettings? Settings, List<string> Errors) Bind(ParseResult result)
        {
            ArgumentNullException.ThrowIfNull(result);
            var errors = new List<string>();
            var defaults = BenchSettings.Default;
            var mode = result.GetValue(Mode) switch
            {
                null => defaults.Mode,
                var text when Enum.TryParse<BenchMode>(text, ignoreCase: true, out var parsed) && !int.TryParse(text, out _) => parsed,
                var text => Invalid(errors, "--mode", text, "throughput, latency or all", defaults.Mode),
            };
            var duration = DurationOption(result, Duration, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1), defaults.Duration, errors);
            var warmup = DurationOption(result, Warmup, TimeSpan.Zero, TimeSpan.FromMinutes(5), defaults.Warmup, errors);
            var rate = Whole(result, Rate, 1_000_000, defaults.Rate, errors);
            var signalEvery = Whole(result, SignalEvery, 1_000_000, defaults.SignalEvery, errors);
            var ordersPerSecond = Whole(result, OrdersPerSecond, 200, defaults.OrdersPerSecond, errors);
            var journal = result.GetValue(JournalSync)?.ToLowerInvariant() switch
            {
                null => defaults.JournalSync,
                "normal" => JournalDurability.Normal,
                "full" => JournalDurability.Full,
                _ => Invalid(errors, "--journal-sync", result.GetValue(JournalSync)!, "normal or full", defaults.JournalSync),
            };
            var file = result.GetValue(Out);
            if (file is not null)
            {
                var folder = Path.GetDirectoryName(Path.GetFullPath(file));
                if (string.IsNullOrWhiteSpace(file) || folder is null || !Directory.Exists(folder))
                {
                    errors.Add($"invalid value '{file}' for --out: expected a file in an existing folder.");
                }
            }

            return errors.Count == 0
                ? (new BenchSettings(mode, duration, warmup, rate, signalEvery, ordersPerSecond, journal, result.GetValue(Json), file), errors)
                : (null, errors);
        }

        private static T Invalid<T>(List<string> errors, string option, string text, string expected, T fallback)
        {
            errors.Add($"invalid value '{text}' for {option}: expected {expected}.");
            return fallback;
        }

        private static TimeSpan DurationOption(ParseResult result, Option<string> option, TimeSpan min, TimeSpan max, TimeSpan fallback, List<string> errors)
        {
            if (result.GetValue(option) is not { } text)
            {
                return fallback;
            }

            return DurationText.TryParse(text, out var value) && value >= min && value <= max
                ? value
                : Invalid(errors, option.Name, text, $"{DurationText.Forms}, from {DurationText.Format(min)} to {DurationText.Format(max)}", fallback);
        }

        private static int Whole(ParseResult result, Option<string> option, int max, int fallback, List<string> errors)
        {
            if (result.GetValue(option) is not { } text)
            {
                return fallback;
            }

            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1 && value <= max
                ? value
                : Invalid(errors, option.Name, text, string.Create(CultureInfo.InvariantCulture, $"a whole number from 1 to {max}"), fallback);
        }
    }
}
