using System.Globalization;
using System.Reactive.Concurrency;
using RxTrader.Core;
using RxTrader.Trading.CrashHost;
using RxTrader.Trading.Journal;

// Usage: RxTrader.Trading.CrashHost <journal.db> <venue.log> [orders]
// Opens (or creates) the journal and runs CrashHostRun against the file-backed venue until killed or done.
// Another venue plugs in here: CrashHostRun takes any IExecutionVenue.
if (args.Length < 2)
{
    await Console.Error.WriteLineAsync("usage: RxTrader.Trading.CrashHost <journal.db> <venue.log> [orders]");
    return 2;
}

var count = args.Length > 2 ? long.Parse(args[2], CultureInfo.InvariantCulture) : long.MaxValue;
using var journal = OrderJournal.Open(args[0], new OrderJournalOptions { Mode = JournalOpenMode.OpenOrCreate });
using var venue = FileBackedVenue.Open(args[1]);
return await CrashHostRun.RunAsync(journal, venue, DefaultScheduler.Instance, Console.Out, count, new Symbol("BTCUSDT"));
