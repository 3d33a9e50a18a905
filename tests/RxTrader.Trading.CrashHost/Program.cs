using System.Globalization;
using System.Reactive.Concurrency;
using RxTrader.Binance.Execution;
using RxTrader.Binance.Rest;
using RxTrader.Binance.UserData;
using RxTrader.Core;
using RxTrader.Trading.CrashHost;
using RxTrader.Trading.Journal;

// Usage: RxTrader.Trading.CrashHost <journal.db> <venue.log> [orders]
//        RxTrader.Trading.CrashHost --binance <rest-base> <stream-base> <api-key> <secret> <journal.db> [orders]
// Opens (or creates) the journal and runs CrashHostRun until killed or done: against the file-backed venue, or against
// a Binance-compatible exchange (the simulator on loopback) through the Binance venue.
const string Usage = "usage: RxTrader.Trading.CrashHost <journal.db> <venue.log> [orders]\n" +
    "       RxTrader.Trading.CrashHost --binance <rest-base> <stream-base> <api-key> <secret> <journal.db> [orders]";
var btc = new Symbol("BTCUSDT");
if (args is ["--binance", var rest, var stream, var key, var secret, var binanceJournal, .. var binanceRest])
{
    using var journal = OrderJournal.Open(binanceJournal, new OrderJournalOptions { Mode = JournalOpenMode.OpenOrCreate });
    using var venue = new BinanceExecutionVenue(
        new BinanceVenueOptions
        {
            ApiKey = key,
            SecretKey = secret,
            Rest = new BinanceRestOptions { BaseAddress = new Uri(rest) },
            UserData = new UserDataStreamOptions { StreamAddress = new Uri(stream) },
            RecvWindow = TimeSpan.FromSeconds(1),
            ClockMargin = TimeSpan.FromMilliseconds(100),
        },
        DefaultScheduler.Instance);
    await venue.StartAsync();
    return await CrashHostRun.RunAsync(journal, venue, DefaultScheduler.Instance, Console.Out, Count(binanceRest), btc, lot: 0.1m);
}

if (args.Length < 2 || args[0].StartsWith("--", StringComparison.Ordinal))
{
    await Console.Error.WriteLineAsync(Usage);
    return 2;
}

using (var journal = OrderJournal.Open(args[0], new OrderJournalOptions { Mode = JournalOpenMode.OpenOrCreate }))
using (var venue = FileBackedVenue.Open(args[1]))
{
    return await CrashHostRun.RunAsync(journal, venue, DefaultScheduler.Instance, Console.Out, Count(args[2..]), btc);
}

static long Count(string[] rest) => rest.Length > 0 ? long.Parse(rest[0], CultureInfo.InvariantCulture) : long.MaxValue;
