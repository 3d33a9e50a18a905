using System.Globalization;
using System.Reactive.Concurrency;
using RxTrader.Core;
using RxTrader.Core.Orders;
using RxTrader.Trading.Journal;
using RxTrader.Trading.Orders;

namespace RxTrader.Trading.CrashHost;

/// <summary>The host's loop, independent of the venue: any <see cref="IExecutionVenue"/> can be plugged in.</summary>
public static class CrashHostRun
{
    /// <summary>
    /// Starts an <see cref="OrderManager"/> on <paramref name="journal"/> (reconciling with the venue), then submits
    /// <paramref name="count"/> limit orders one after the other, writing <c>STARTED …</c>, then <c>ACK &lt;client id&gt; &lt;tracking&gt;</c>
    /// after each answer is journaled, then <c>DONE</c>.
    /// </summary>
    /// <param name="journal">The open journal.</param>
    /// <param name="venue">The venue.</param>
    /// <param name="scheduler">The manager's scheduler.</param>
    /// <param name="output">Where progress lines go (flushed per line).</param>
    /// <param name="count">Orders to submit.</param>
    /// <param name="symbol">The symbol traded.</param>
    /// <param name="lot">The smallest order quantity; orders are 1 to 5 lots (large enough for the venue's minimum notional).</param>
    /// <returns>The exit code (0).</returns>
    public static async Task<int> RunAsync(
        OrderJournal journal, IExecutionVenue venue, IScheduler scheduler, TextWriter output, long count, Symbol symbol, decimal lot = 0.001m)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(output);
        using var manager = new OrderManager(venue, journal, scheduler);
        var report = await manager.StartAsync().ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"STARTED checked={report.OrdersChecked} found={report.Found} notPlaced={report.NotPlaced} fills={report.FillsRecovered} foreign={report.ForeignOrders.Count}")).ConfigureAwait(false);
        await output.FlushAsync().ConfigureAwait(false);

        // Client ids continue after the journal's orders, so a restarted host never reuses one.
        var first = journal.OrderCount + 1;
        for (var sequence = first; sequence - first < count; sequence++)
        {
            var side = sequence % 3 == 0 ? Side.Sell : Side.Buy;
            var request = OrderRequest.Limit(ClientOrderId.For("crash", sequence), symbol, side, lot * (1 + (sequence % 5)), 100m + (sequence % 7));
            var tracked = await manager.SubmitAsync(request).ConfigureAwait(false);
            await output.WriteLineAsync($"ACK {request.ClientOrderId} {tracked.Tracking} {tracked.LastOutcome}").ConfigureAwait(false);
            await output.FlushAsync().ConfigureAwait(false);
        }

        await output.WriteLineAsync("DONE").ConfigureAwait(false);
        await output.FlushAsync().ConfigureAwait(false);
        return 0;
    }
}
