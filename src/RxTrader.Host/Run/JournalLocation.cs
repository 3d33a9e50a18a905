using System.Globalization;
using RxTrader.Host.Configuration;

namespace RxTrader.Host.Run;

/// <summary>Where a run's order journal lives when <c>--journal</c> is not given.</summary>
internal static class JournalLocation
{
    /// <summary>The folder default journals go to, under the working directory.</summary>
    public const string Folder = "rxtrader-data";

    /// <summary>
    /// The embedded simulator starts with a fresh exchange every run, so each run gets its own journal (an old one
    /// would describe orders the new exchange never saw). Binance and the testnet keep one journal per exchange:
    /// a restart reconciles with it.
    /// </summary>
    public static string For(RunSettings settings, DateTimeOffset now) =>
        settings.JournalPath ?? Path.Combine(
            Folder,
            settings.Exchange == ExchangeKind.Sim
                ? string.Create(CultureInfo.InvariantCulture, $"sim-{now:yyyyMMdd-HHmmss}-{Environment.ProcessId}.journal.db")
                : $"{settings.Exchange.ToString().ToLowerInvariant()}.journal.db");
}
