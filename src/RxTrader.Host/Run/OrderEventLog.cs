using System.Globalization;
using System.Reactive.Linq;
using RxTrader.Engine;
using RxTrader.Trading.Caches;

namespace RxTrader.Host.Run;

/// <summary>
/// One plain line per signal and per order status change, for logs (the live dashboard shows the same on screen).
/// Written from the engine's threads through one lock, so lines never interleave.
/// </summary>
internal static class OrderEventLog
{
    public static IDisposable Attach(TradingEngine engine, TextWriter output)
    {
        var gate = new Lock();
        var signals = engine.Signals.Subscribe(s => Write(
            gate,
            output,
            string.Create(CultureInfo.InvariantCulture, $"signal symbol={s.Symbol} side={s.Side} price={s.Price} strategy={s.Strategy} reason=\"{s.Reason}\"")));
        var orders = engine.Manager.Orders.Connect().Subscribe(changes =>
        {
            foreach (var change in changes)
            {
                if (change.Reason is not (ChangeReason.Add or ChangeReason.Update))
                {
                    continue;
                }

                var order = change.Current;
                var before = change.Previous?.Status;
                if (change.Reason == ChangeReason.Update && before == order.Status && change.Previous?.Tracking == order.Tracking)
                {
                    continue;
                }

                Write(gate, output, string.Create(
                    CultureInfo.InvariantCulture,
                    $"order id={order.ClientOrderId} symbol={order.Request.Symbol} side={order.Request.Side} type={order.Request.Type} status={order.Status?.ToString() ?? "-"} tracking={order.Tracking} executed={order.ExecutedQuantity} avg_price={order.Order?.AveragePrice?.ToString(CultureInfo.InvariantCulture) ?? "-"} outcome=\"{order.LastOutcome}\""));
            }
        });
        return new System.Reactive.Disposables.CompositeDisposable(signals, orders);
    }

    private static void Write(Lock gate, TextWriter output, string line)
    {
        lock (gate)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }
}
