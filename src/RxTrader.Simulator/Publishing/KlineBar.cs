namespace RxTrader.Simulator.Publishing;

/// <summary>One candle being built or closed; times in epoch ms; trade ids -1 while it has no trade.</summary>
internal struct KlineBar
{
    public long OpenTime;
    public long CloseTime;
    public decimal Open;
    public decimal High;
    public decimal Low;
    public decimal Close;
    public decimal Volume;
    public decimal QuoteVolume;
    public decimal TakerBuyVolume;
    public decimal TakerBuyQuoteVolume;
    public long FirstTradeId;
    public long LastTradeId;
    public long TradeCount;

    /// <summary>An empty candle: prices carried from the previous close, no volume, trade ids -1.</summary>
    public static KlineBar Empty(long openTime, long closeTime, decimal price) => new()
    {
        OpenTime = openTime,
        CloseTime = closeTime,
        Open = price,
        High = price,
        Low = price,
        Close = price,
        FirstTradeId = -1,
        LastTradeId = -1,
    };

    public void Add(long tradeId, decimal price, decimal quantity, bool isBuyerMaker)
    {
        if (TradeCount == 0)
        {
            (Open, High, Low, FirstTradeId) = (price, price, price, tradeId);
        }

        High = Math.Max(High, price);
        Low = Math.Min(Low, price);
        Close = price;
        LastTradeId = tradeId;
        TradeCount++;
        var quote = price * quantity;
        Volume += quantity;
        QuoteVolume += quote;
        if (!isBuyerMaker)
        {
            TakerBuyVolume += quantity;
            TakerBuyQuoteVolume += quote;
        }
    }

    /// <summary>Folds a later candle of finer interval into this one (no-op for an empty one).</summary>
    public void Merge(in KlineBar later)
    {
        if (later.TradeCount == 0)
        {
            return;
        }

        if (TradeCount == 0)
        {
            (Open, High, Low, FirstTradeId) = (later.Open, later.High, later.Low, later.FirstTradeId);
        }
        else
        {
            High = Math.Max(High, later.High);
            Low = Math.Min(Low, later.Low);
        }

        Close = later.Close;
        LastTradeId = later.LastTradeId;
        TradeCount += later.TradeCount;
        Volume += later.Volume;
        QuoteVolume += later.QuoteVolume;
        TakerBuyVolume += later.TakerBuyVolume;
        TakerBuyQuoteVolume += later.TakerBuyQuoteVolume;
    }
}
