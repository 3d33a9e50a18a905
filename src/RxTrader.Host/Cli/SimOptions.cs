using System.CommandLine;
using System.Globalization;
using Symbol = RxTrader.Core.Symbol;
using RxTrader.Host.Configuration;
using RxTrader.Host.Simulator;
using RxTrader.Simulator.Market;

namespace RxTrader.Host.Cli;

/// <summary>The options of the <c>sim</c> verb (command line only).</summary>
internal sealed class SimOptions
{
    private static readonly string Available = string.Join(',', DefaultMarket.AllRules.Select(static r => r.Symbol));

    public Option<string> Port { get; } = new("--port")
    {
        HelpName = "PORT",
        Description = "The loopback port to listen on; 0 picks a free one (printed at start). Default: 0.",
    };

    public Option<string> Seed { get; } = new("--seed")
    {
        HelpName = "N",
        Description = "The seed of the synthetic market: the same seed gives the same market. Default: 1.",
    };

    public Option<string> Symbols { get; } = new("--symbols")
    {
        HelpName = "LIST",
        Description = $"The symbols to trade, comma-separated, among {Available}. Default: all of them.",
    };

    public Option<string> Duration { get; } = new("--duration")
    {
        HelpName = "DURATION",
        Description = "Stop after this long (30s, 5m, 2h, ...). Default: run until Ctrl+C or SIGTERM.",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Port);
        command.Options.Add(Seed);
        command.Options.Add(Symbols);
        command.Options.Add(Duration);
    }

    /// <summary>The validated settings, or the messages.</summary>
    public (SimSettings? Settings, List<string> Errors) Bind(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var errors = new List<string>();
        var port = 0;
        if (result.GetValue(Port) is { } portText
            && !(int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port <= 65535))
        {
            errors.Add($"invalid value '{portText}' for --port: expected a TCP port from 0 to 65535 (0 picks a free one).");
        }

        var seed = 1;
        if (result.GetValue(Seed) is { } seedText && !int.TryParse(seedText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out seed))
        {
            errors.Add($"invalid value '{seedText}' for --seed: expected a whole number.");
        }

        IReadOnlyList<Symbol> symbols = [.. DefaultMarket.AllRules.Select(static r => r.Symbol)];
        if (result.GetValue(Symbols) is { } symbolText)
        {
            if (!SymbolList.TryParse(SymbolList.Split(symbolText), out symbols, out var problem))
            {
                errors.Add($"invalid value '{symbolText}' for --symbols: expected {problem}.");
            }
            else if (symbols.FirstOrDefault(s => DefaultMarket.AllRules.All(r => r.Symbol != s)) is { IsDefault: false } unknown)
            {
                errors.Add($"invalid value '{symbolText}' for --symbols: expected symbols among {Available} ({unknown} is not simulated).");
            }
        }

        TimeSpan? duration = null;
        if (result.GetValue(Duration) is { } durationText)
        {
            if (DurationText.TryParse(durationText, out var value) && value >= TimeSpan.FromSeconds(1) && value <= TimeSpan.FromDays(24))
            {
                duration = value;
            }
            else
            {
                errors.Add($"invalid value '{durationText}' for --duration: expected {DurationText.Forms}, from 1s to 24d.");
            }
        }

        return errors.Count == 0 ? (new SimSettings(port, seed, symbols, duration), errors) : (null, errors);
    }
}
