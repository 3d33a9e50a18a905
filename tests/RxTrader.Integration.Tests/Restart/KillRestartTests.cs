using RxTrader.Core;
using RxTrader.Core.Orders;
using RxTrader.Simulator.Server;
using RxTrader.Testing;
using RxTrader.Trading.CrashHost;
using RxTrader.Trading.Orders;

namespace RxTrader.Integration.Tests.Restart;

/// <summary>
/// An engine process trading through the Binance venue against the simulator is killed mid-stream; the market fills
/// its resting orders while it is down; a new engine on the same journal rebuilds and reconciles: nothing lost,
/// nothing duplicated, the journal equal to the exchange.
/// </summary>
public sealed class KillRestartTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("rxtrader-kill-").FullName;

    [Fact]
    public async Task EngineKilledMidStream_RestartedOnItsJournal_ReconcilesWithTheExchange()
    {
        var journalPath = Path.Combine(_directory, "journal.db");
        await using var server = await SimulatorServer.StartAsync(TradingStack.SimulatorOptions(), RealTime.Scheduler);
        var book = (Bid: 99.50m, Ask: 100.50m);
        server.Engine.PlaceLiquidity(TradingStack.Btc, Side.Buy, book.Bid, 1_000_000m);
        server.Engine.PlaceLiquidity(TradingStack.Btc, Side.Sell, book.Ask, 1_000_000m);

        var acked = await CrashHostProcess.RunUntilKilledAsync(HostArguments(server, journalPath), acks: 120);

        // While the engine is down the market trades up through every resting sell.
        server.Engine.CancelAllLiquidity(TradingStack.Btc);
        server.Engine.PlaceLiquidity(TradingStack.Btc, Side.Buy, 110m, 1_000m);
        server.Engine.CancelAllLiquidity(TradingStack.Btc);

        await using (var stack = await TradingStack.StartAsync(journalPath, server))
        {
            await TradingStack.EventuallyAsync(() => stack.Manager.ReconcilingCount == 0, "reconciliation to finish");
            var ids = OurIds(stack);
            ids.Count.ShouldBeGreaterThanOrEqualTo(acked.Count);
            acked.ShouldAllBe(id => ids.Contains(new ClientOrderId(id)));

            var atExchange = stack.OrdersAtExchange();
            atExchange.GroupBy(o => o.ClientOrderId).Where(g => g.Count() > 1).ShouldBeEmpty();
            atExchange.ShouldAllBe(o => ids.Contains(new ClientOrderId(o.ClientOrderId)));
            stack.Journal.LoadOrdersNotFinal().ShouldAllBe(o => o.Tracking == OrderTracking.Open);
            stack.MismatchesWithExchange(ids).ShouldBeEmpty();

            var trades = stack.TradesAtExchange();
            stack.Journal.FillCount.ShouldBe(trades.Count);
            var net = trades.Sum(t => t.IsBuyer ? t.Quantity : -t.Quantity);
            stack.Manager.Positions.Lookup(TradingStack.Btc).ShouldNotBeNull().Quantity.ShouldBe(net);
        }

        // The engine process itself starts again on the recovered journal and carries on.
        var rerun = await CrashHostProcess.RunToEndAsync([.. HostArguments(server, journalPath), "5"]);
        rerun.ExitCode.ShouldBe(0, rerun.Error);
        rerun.Output.ShouldContain("STARTED");
        rerun.Output.ShouldContain("DONE");
        var answers = rerun.Output.Split('\n').Where(line => line.StartsWith("ACK ", StringComparison.Ordinal)).ToList();
        answers.Count.ShouldBe(5);
        answers.ShouldAllBe(line => line.Contains(" Open ") || line.Contains(" Terminal "), rerun.Output);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static string[] HostArguments(SimulatorServer server, string journalPath) =>
    [
        "--binance", server.BaseAddress.ToString(), server.StreamAddress.ToString(),
        SimulatorAccount.DemoApiKey, SimulatorAccount.DemoSecretKey, journalPath,
    ];

    private static HashSet<ClientOrderId> OurIds(TradingStack stack)
    {
        // The host numbers its orders crash-1, crash-2, ...: every id up to the journal's count.
        var ids = new HashSet<ClientOrderId>();
        for (var sequence = 1L; sequence <= stack.Journal.OrderCount; sequence++)
        {
            ids.Add(ClientOrderId.For("crash", sequence));
        }

        return ids;
    }
}
