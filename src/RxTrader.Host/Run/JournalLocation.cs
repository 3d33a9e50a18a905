using System.Globalization;
using RxTrader.Host.Configuration;

namespace RxTrader.Host.Run;

/// <summary>Where a run's order journal lives when <c>--journal</c> is not given.</summary>
internal static class JournalLocation
{
    /// <summary>The folder default journals go to, under the working directory.</summary>
    public const string Folder = "rxtrader-data";

    /// <summary>
    /// The embedded simulator and the paper venue start with a fresh account every run, so each run gets its own
    /// journal (an old one would describe orders the new account never saw). Live Binance and the testnet keep one
    /// journal per exchange: a restart reconciles with it.
    /// </summary>
    public static string For(RunSettings settings, DateTimeOffset now)
    {
        if (settings.JournalPath is { } path)
        {
            return path;
        }

        var fresh = settings.Exchange == ExchangeKind.Sim || (settings.Exchange == ExchangeKind.Binance && !settings.Live);
        var name = settings.Exchange == ExchangeKind.Binance && !settings.Live ? "binance-paper" : settings.Exchange.ToString().ToLowerInvariant();
        return Path.Combine(
            Folder,
            fresh ? string.Create(CultureInfo.InvariantCulture, $"{name}-{now:yyyyMMdd-HHmmss}-{Environment.ProcessId}.journal.db") : $"{name}.journal.db");
    }
}
