using RxTrader.Core.MarketData;

namespace RxTrader.Binance.Wire;

/// <summary>Receives what <see cref="BinanceFrameDecoder.Decode"/> decodes: one method per payload kind.</summary>
/// <remarks>
/// Called synchronously on the decoding thread, at most once per frame. Market events are passed by
/// <c>in</c> reference to avoid copying large structs; copy what you keep. An exception thrown here propagates
/// out of <see cref="BinanceFrameDecoder.Decode"/>: it is a programming error, not bad input.
/// </remarks>
public interface IMarketFrameSink
{
    /// <summary>A <c>trade</c> event.</summary>
    void OnTrade(in Trade trade);

    /// <summary>An <c>aggTrade</c> event.</summary>
    void OnAggregateTrade(in AggregateTrade trade);

    /// <summary>A <c>kline</c> event.</summary>
    void OnCandle(in Candle candle);

    /// <summary>A <c>24hrMiniTicker</c> event.</summary>
    void OnMiniTicker(in MiniTicker ticker);

    /// <summary>A <c>24hrTicker</c> event.</summary>
    void OnTicker(in Ticker ticker);

    /// <summary>A <c>bookTicker</c> payload.</summary>
    void OnBookTicker(in BookTicker ticker);

    /// <summary>A partial-depth payload (<c>@depth5</c>, <c>@depth10</c>, <c>@depth20</c>).</summary>
    void OnDepthSnapshot(in DepthSnapshot snapshot);

    /// <summary>A <c>depthUpdate</c> event.</summary>
    void OnDepthUpdate(in DepthUpdate update);

    /// <summary>A reply to a control request, errors included.</summary>
    void OnControlReply(ControlReply reply);

    /// <summary>A <c>serverShutdown</c> notice.</summary>
    void OnServerShutdown(in ServerShutdown notice);
}
