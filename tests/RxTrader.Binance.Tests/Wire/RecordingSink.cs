using RxTrader.Binance.Wire;
using RxTrader.Core.MarketData;

namespace RxTrader.Binance.Tests.Wire;

/// <summary>A sink that keeps every decoded item, boxed, in arrival order.</summary>
internal sealed class RecordingSink : IMarketFrameSink
{
    public List<object> Items { get; } = [];

    public T Single<T>() => Items.ShouldHaveSingleItem().ShouldBeOfType<T>();

    public void OnTrade(in Trade trade) => Items.Add(trade);

    public void OnAggregateTrade(in AggregateTrade trade) => Items.Add(trade);

    public void OnCandle(in Candle candle) => Items.Add(candle);

    public void OnMiniTicker(in MiniTicker ticker) => Items.Add(ticker);

    public void OnTicker(in Ticker ticker) => Items.Add(ticker);

    public void OnBookTicker(in BookTicker ticker) => Items.Add(ticker);

    public void OnDepthSnapshot(in DepthSnapshot snapshot) => Items.Add(snapshot);

    public void OnDepthUpdate(in DepthUpdate update) => Items.Add(update);

    public void OnControlReply(ControlReply reply) => Items.Add(reply);

    public void OnServerShutdown(in ServerShutdown notice) => Items.Add(notice);
}
