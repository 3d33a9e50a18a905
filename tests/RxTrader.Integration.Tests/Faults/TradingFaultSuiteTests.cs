using RxTrader.Core;
using RxTrader.Core.Orders;
using RxTrader.Simulator.Faults;
using RxTrader.Trading.Orders;
using RxTrader.Trading.Risk;
using Xunit.Abstractions;

namespace RxTrader.Integration.Tests.Faults;

/// <summary>
/// A thousand seeded, concurrent submissions through risk gate → order manager → Binance venue → simulator while the
/// simulator fails orders with 5xx, answers accepted orders late or never, drops connections mid-submit, drops the
/// user data stream, storms with 429s and skews its clock. At the end: no client order id twice at the exchange, no
/// order left unknown, and the journal equal to the exchange order by order and fill by fill.
/// </summary>
public sealed class TradingFaultSuiteTests(ITestOutputHelper output) : IDisposable
{
    private const int Seed = 20_261_128;
    private const int Submissions = 1_000;
    private const int Concurrency = 16;

    private readonly string _directory = Directory.CreateTempSubdirectory("rxtrader-faults-").FullName;

    [Fact]
    public async Task ThousandSeededSubmissionsUnderFaults_NoDuplicateNoUnknownJournalEqualsExchange()
    {
        var random = new Random(Seed);
        await using var stack = await TradingStack.StartAsync(
            Path.Combine(_directory, "journal.db"),
            limits: new RiskLimits { MaxOpenOrdersPerSymbol = 150, MaxOrderNotional = 1_000m });
        stack.SetBook(99.50m, 100.50m, 1_000_000m);
        stack.Manager.UpdateMark(TradingStack.Btc, 100m);
        var riskRejections = 0;
        using var counting = stack.Gate.Rejections.Subscribe(_ => Interlocked.Increment(ref riskRejections));

        var submitted = new List<ClientOrderId>();
        var failures = new List<string>();
        var inFlight = new List<Task>();
        using var slots = new SemaphoreSlim(Concurrency);
        for (var i = 0; i < Submissions; i++)
        {
            InjectFault(stack, random);
            if (i % 50 == 49)
            {
                TradeThrough(stack, random);
            }

            if (i % 20 == 19)
            {
                inFlight.Add(CancelOldestAsync(stack, 10));
            }

            // Like any sane strategy, wait out the exchange's Retry-After instead of submitting into a block.
            await TradingStack.WaitUntilAsync(() => stack.Venue.Rest.BlockedUntil is null, TimeSpan.FromSeconds(10));
            var request = NextRequest(random, i);
            await slots.WaitAsync();
            inFlight.Add(SubmitAsync(stack, request, submitted, failures, slots));
        }

        await Task.WhenAll(inFlight);
        var counters = stack.Server.Faults.Counters;
        stack.Server.Faults.Reset();

        failures.ShouldBeEmpty();
        await TradingStack.EventuallyAsync(
            () => stack.Manager.OpenOrders.All(o => o.Tracking == OrderTracking.Open),
            "every order out of PendingNew and Reconciling",
            TimeSpan.FromSeconds(60));
        // Updates may still be arriving; the assertion below then names every difference.
        await TradingStack.WaitUntilAsync(() => stack.MismatchesWithExchange(submitted).Count == 0, TimeSpan.FromSeconds(30));

        // The faults really happened, and each kind of resolution was exercised.
        Report(stack, counters, submitted, riskRejections);
        counters.OrdersFailed.ShouldBeGreaterThan(0);
        counters.OrdersTimedOut.ShouldBeGreaterThan(0);
        counters.OrdersDropped.ShouldBeGreaterThan(0);
        counters.ConnectionsDropped.ShouldBeGreaterThan(0);
        counters.RequestsThrottled.ShouldBeGreaterThan(0);
        stack.Venue.Statistics.ResolvedFound.ShouldBeGreaterThan(0);
        stack.Venue.Statistics.ResolvedNotPlaced.ShouldBeGreaterThan(0);
        stack.Venue.Statistics.ClockResyncs.ShouldBeGreaterThan(0);
        submitted.Count.ShouldBeGreaterThan(Submissions * 3 / 4);
        riskRejections.ShouldBeGreaterThan(0);

        // Invariant 1: never two orders for one client order id, and no order the engine did not ask for.
        var atExchange = stack.OrdersAtExchange();
        atExchange.GroupBy(o => o.ClientOrderId).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty();
        var ours = submitted.Select(id => id.Value).ToHashSet(StringComparer.Ordinal);
        atExchange.Where(o => !ours.Contains(o.ClientOrderId)).Select(o => o.ClientOrderId).ShouldBeEmpty();

        // Invariant 2: no order left in an unknown state, in memory or in the journal.
        stack.Manager.ReconcilingCount.ShouldBe(0);
        submitted.Select(id => stack.Journal.FindOrder(id)!)
            .Where(j => j.Tracking is OrderTracking.PendingNew or OrderTracking.Reconciling)
            .Select(j => j.Request.ClientOrderId.Value)
            .ShouldBeEmpty();

        // Invariant 3: journal == exchange, order by order and fill by fill; the position is the exchange's.
        stack.MismatchesWithExchange(submitted).ShouldBeEmpty();
        var trades = stack.TradesAtExchange();
        var net = trades.Sum(t => t.IsBuyer ? t.Quantity : -t.Quantity);
        (stack.Manager.Positions.Lookup(TradingStack.Btc)?.Quantity ?? 0m).ShouldBe(net);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private void Report(TradingStack stack, FaultCounters counters, List<ClientOrderId> submitted, int riskRejections)
    {
        var venue = stack.Venue.Statistics;
        var states = submitted.Select(id => stack.Journal.FindOrder(id)!)
            .GroupBy(j => j.Order is { } o ? $"{j.Tracking}/{o.Status}" : j.Tracking.ToString())
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} {g.Count()}");
        output.WriteLine($"submitted {submitted.Count}, refused by the risk gate {riskRejections}, journaled fills {stack.Journal.FillCount}");
        output.WriteLine($"final states: {string.Join(", ", states)}");
        output.WriteLine(
            $"faults: 5xx {counters.OrdersFailed}, answered late or never {counters.OrdersTimedOut}, dropped mid-submit {counters.OrdersDropped}, " +
            $"sockets dropped {counters.ConnectionsDropped}, 429 {counters.RequestsThrottled}, 418 {counters.RequestsBanned}");
        output.WriteLine(
            $"venue: submits {venue.Submits}, unknown {venue.UnknownSubmits}, found by query {venue.ResolvedFound}, proven not placed {venue.ResolvedNotPlaced}, " +
            $"resent {venue.Resends}, unresolved {venue.Unresolved}, clock resyncs {venue.ClockResyncs}, refused locally {venue.RefusedLocally}, polls {venue.Polls}");
    }

    private static async Task SubmitAsync(
        TradingStack stack, OrderRequest request, List<ClientOrderId> submitted, List<string> failures, SemaphoreSlim slots)
    {
        try
        {
            var result = await stack.Entry.SubmitAsync(request);
            if (result.IsSubmitted)
            {
                lock (submitted)
                {
                    submitted.Add(request.ClientOrderId);
                }
            }
        }
        catch (Exception e)
        {
            lock (failures)
            {
                failures.Add($"{request.ClientOrderId}: {e}");
            }
        }
        finally
        {
            slots.Release();
        }
    }

    private static async Task CancelOldestAsync(TradingStack stack, int count)
    {
        var oldest = stack.Manager.OpenOrders
            .Where(o => o.Tracking == OrderTracking.Open)
            .OrderBy(o => o.SubmitTime)
            .Take(count)
            .Select(o => stack.Entry.CancelAsync(o.ClientOrderId));
        await Task.WhenAll(oldest);
    }

    /// <summary>About one submission in three arms a fault for whatever request comes next.</summary>
    private static void InjectFault(TradingStack stack, Random random)
    {
        var faults = stack.Server.Faults;
        var roll = random.NextDouble();
        switch (roll)
        {
            case < 0.08:
                faults.FailNextOrders(1, (OrderFailure)random.Next(3));
                break;
            case < 0.14:
                faults.TimeOutNextOrders(1, random.Next(2) == 0 ? null : TimeSpan.FromMilliseconds(100));
                break;
            case < 0.20:
                faults.DropNextOrders(1, afterPlacing: random.Next(2) == 0);
                break;
            case < 0.23:
                faults.Drop(ConnectionKind.UserData);
                break;
            case < 0.245:
                faults.StartRateLimitStorm(requests: 4, retryAfter: TimeSpan.FromMilliseconds(200));
                break;
            case < 0.26:
                // Beyond the 1 s recvWindow either way: the signed clock must be resynced (-1021) or sometimes set back.
                faults.SetClockSkew(TimeSpan.FromMilliseconds(random.Next(3) switch { 0 => 0, 1 => 2_500, _ => -2_500 }));
                break;
        }
    }

    /// <summary>The market trades down through resting buys or up through resting sells, then the book comes back.</summary>
    private static void TradeThrough(TradingStack stack, Random random)
    {
        var engine = stack.Server.Engine;
        var buyerAggressor = random.Next(2) == 0;
        engine.CancelAllLiquidity(TradingStack.Btc);
        engine.PlaceLiquidity(TradingStack.Btc, buyerAggressor ? Side.Buy : Side.Sell, buyerAggressor ? 103m : 97m, 1m);
        engine.CancelAllLiquidity(TradingStack.Btc);
        stack.SetBook(99.50m, 100.50m, 1_000_000m);
    }

    private static OrderRequest NextRequest(Random random, int sequence)
    {
        var id = ClientOrderId.For("faults", sequence);
        var side = random.Next(2) == 0 ? Side.Buy : Side.Sell;
        var quantity = Math.Round(0.05m + ((decimal)random.NextDouble() * 0.45m), 5);
        var away = Math.Round((decimal)random.NextDouble() * 4m, 2);
        var roll = random.NextDouble();
        return roll switch
        {
            < 0.40 => OrderRequest.Limit(id, TradingStack.Btc, side, quantity, side == Side.Buy ? 95m + away : 101m + away),
            < 0.65 => OrderRequest.Market(id, TradingStack.Btc, side, quantity),
            < 0.75 => OrderRequest.Limit(id, TradingStack.Btc, side, quantity, side == Side.Buy ? 100.50m : 99.50m, TimeInForce.ImmediateOrCancel),
            < 0.85 => OrderRequest.LimitMaker(id, TradingStack.Btc, side, quantity, side == Side.Buy ? 98m : 102m),
            < 0.92 => OrderRequest.Limit(id, TradingStack.Btc, side, quantity, side == Side.Buy ? 100.50m : 99.50m, TimeInForce.FillOrKill),
            < 0.96 => new OrderRequest(id, TradingStack.Btc, side, OrderType.Market, 0m, QuoteQuantity: Math.Round(quantity * 100m, 2)),

            // Bad signals the risk gate must stop before the venue: below the lot step, and far too large.
            < 0.98 => OrderRequest.Limit(id, TradingStack.Btc, side, 0.000001m, 99m),
            _ => OrderRequest.Limit(id, TradingStack.Btc, side, 500m, side == Side.Buy ? 95m : 105m),
        };
    }
}
