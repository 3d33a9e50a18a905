using System.Globalization;
using System.Reactive.Concurrency;
using RxTrader.Core;
using RxTrader.Core.Orders;
using RxTrader.Trading.CrashHost;
using RxTrader.Trading.Journal;
using RxTrader.Trading.Orders;

// Usage: RxTrader.Trading.CrashHost <journal.db> <venue.log> [orders]
// Opens (or creates) the journal, starts the order manager (reconciling with the venue), then submits orders and
// prints "ACK <client id> <tracking>" after each answer is journaled, until it is killed or has sent [orders].
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: RxTrader.Trading.CrashHost <journal.db> <venue.log> [orders]");
    return 2;
}

var count = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : int.MaxValue;
using var journal = OrderJournal.Open(args[0], new OrderJournalOptions { Mode = JournalOpenMode.OpenOrCreate });
using var venue = FileBackedVenue.Open(args[1]);
using var manager = new OrderManager(venue, journal, DefaultScheduler.Instance);
var report = await manager.StartAsync();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"STARTED checked={report.OrdersChecked} found={report.Found} notPlaced={report.NotPlaced} fills={report.FillsRecovered}"));

var symbol = new Symbol("BTCUSDT");
var first = journal.OrderCount + 1;
for (var sequence = first; sequence < first + count; sequence++)
{
    var side = sequence % 3 == 0 ? Side.Sell : Side.Buy;
    var request = OrderRequest.Limit(ClientOrderId.For("crash", sequence), symbol, side, 0.001m * (1 + (sequence % 5)), 100m + (sequence % 7));
    var tracked = await manager.SubmitAsync(request);
    Console.WriteLine($"ACK {request.ClientOrderId} {tracked.Tracking}");
}

Console.WriteLine("DONE");
return 0;
