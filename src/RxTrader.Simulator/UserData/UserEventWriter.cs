using System.Text.Json;
using RxTrader.Simulator.Accounts;
using RxTrader.Simulator.Matching;
using RxTrader.Simulator.Publishing;
using RxTrader.Simulator.Rest;

namespace RxTrader.Simulator.UserData;

/// <summary>The user-data event payloads, unwrapped, byte-exact as Binance writes them (binance-wire §4.3):
/// <c>executionReport</c>, <c>outboundAccountPosition</c>, <c>balanceUpdate</c>, <c>listenKeyExpired</c>,
/// <c>eventStreamTerminated</c>.</summary>
internal static class UserEventWriter
{
    /// <summary>Writes the payload of <paramref name="e"/>; false (nothing written) for events users do not get.</summary>
    public static bool TryWrite(Utf8JsonWriter w, ExchangeEvent e, out string accountId)
    {
        switch (e)
        {
            case ExecutionReport r:
                accountId = r.AccountId;
                WriteExecutionReport(w, r);
                return true;
            case AccountPositionChanged p:
                accountId = p.AccountId;
                WriteAccountPosition(w, p);
                return true;
            case BalanceUpdated b:
                accountId = b.AccountId;
                WriteBalanceUpdate(w, b);
                return true;
            default:
                accountId = string.Empty;
                return false;
        }
    }

    /// <summary>Every field of the main list, in Binance's order; <c>j</c>/<c>J</c> when the order has a strategy,
    /// <c>eR</c> when it expired for a reason.</summary>
    public static void WriteExecutionReport(Utf8JsonWriter w, ExecutionReport r)
    {
        var traded = r.ExecutionType == ExecutionType.Trade;
        w.WriteStartObject();
        w.WriteString("e"u8, "executionReport"u8);
        w.WriteTime("E"u8, r.Time);
        w.WriteString("s"u8, r.Symbol.Value);
        w.WriteString("c"u8, r.ClientOrderId);
        w.WriteString("S"u8, WireText.Of(r.Side));
        w.WriteString("o"u8, WireText.Of(r.Type));
        w.WriteString("f"u8, WireText.Of(r.TimeInForce));
        w.WriteDecimal("q"u8, r.Quantity);
        w.WriteDecimal("p"u8, r.Price);
        w.WriteDecimal("P"u8, 0m);
        w.WriteDecimal("F"u8, 0m);
        w.WriteNumber("g"u8, -1);
        w.WriteString("C"u8, r.OrigClientOrderId ?? string.Empty);
        w.WriteString("x"u8, Of(r.ExecutionType));
        w.WriteString("X"u8, WireText.Of(r.Status));
        w.WriteString("r"u8, "NONE"u8);
        w.WriteNumber("i"u8, r.OrderId);
        w.WriteDecimal("l"u8, r.LastExecutedQty);
        w.WriteDecimal("z"u8, r.CumulativeQty);
        w.WriteDecimal("L"u8, r.LastExecutedPrice);
        if (r.CommissionAsset is null && r.Commission == 0m)
        {
            w.WriteString("n"u8, "0"u8); // Binance's literal for "no trade"
            w.WriteNull("N"u8);
        }
        else
        {
            w.WriteDecimal("n"u8, r.Commission);
            w.WriteString("N"u8, r.CommissionAsset);
        }

        w.WriteTime("T"u8, r.TransactionTime);
        w.WriteNumber("t"u8, traded ? r.TradeId : -1);
        w.WriteNumber("I"u8, r.ExecutionId);
        w.WriteBoolean("w"u8, r.IsWorking);
        w.WriteBoolean("m"u8, r.IsMaker);
        w.WriteBoolean("M"u8, false);
        w.WriteTime("O"u8, r.CreationTime);
        w.WriteDecimal("Z"u8, r.CumulativeQuoteQty);
        w.WriteDecimal("Y"u8, r.LastQuoteQty);
        w.WriteDecimal("Q"u8, r.QuoteOrderQty);
        if (r.StrategyId is { } strategyId)
        {
            w.WriteNumber("j"u8, strategyId);
        }

        if (r.StrategyType is { } strategyType)
        {
            w.WriteNumber("J"u8, strategyType);
        }

        w.WriteTime("W"u8, r.WorkingTime);
        w.WriteString("V"u8, "NONE"u8);
        if (r.ExpiryReason != ExpiryReason.None)
        {
            w.WriteString("eR"u8, WireText.Of(r.ExpiryReason));
        }

        w.WriteEndObject();
    }

    /// <summary><c>{"e":"outboundAccountPosition","E":..,"u":..,"B":[{"a":..,"f":..,"l":..}]}</c>.</summary>
    public static void WriteAccountPosition(Utf8JsonWriter w, AccountPositionChanged p)
    {
        w.WriteStartObject();
        w.WriteString("e"u8, "outboundAccountPosition"u8);
        w.WriteTime("E"u8, p.Time);
        w.WriteTime("u"u8, p.Time);
        w.WriteStartArray("B"u8);
        foreach (var b in p.Balances)
        {
            w.WriteStartObject();
            w.WriteString("a"u8, b.Asset);
            w.WriteDecimal("f"u8, b.Free);
            w.WriteDecimal("l"u8, b.Locked);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary><c>{"e":"balanceUpdate","E":..,"a":..,"d":..,"T":..}</c>.</summary>
    public static void WriteBalanceUpdate(Utf8JsonWriter w, BalanceUpdated b)
    {
        w.WriteStartObject();
        w.WriteString("e"u8, "balanceUpdate"u8);
        w.WriteTime("E"u8, b.Time);
        w.WriteString("a"u8, b.Asset);
        w.WriteDecimal("d"u8, b.Delta);
        w.WriteTime("T"u8, b.Time);
        w.WriteEndObject();
    }

    /// <summary><c>{"e":"listenKeyExpired","E":..,"listenKey":..}</c>.</summary>
    public static void WriteListenKeyExpired(Utf8JsonWriter w, long timeMs, string listenKey)
    {
        w.WriteStartObject();
        w.WriteString("e"u8, "listenKeyExpired"u8);
        w.WriteNumber("E"u8, timeMs);
        w.WriteString("listenKey"u8, listenKey);
        w.WriteEndObject();
    }

    /// <summary><c>{"e":"eventStreamTerminated","E":..}</c>.</summary>
    public static void WriteEventStreamTerminated(Utf8JsonWriter w, long timeMs)
    {
        w.WriteStartObject();
        w.WriteString("e"u8, "eventStreamTerminated"u8);
        w.WriteNumber("E"u8, timeMs);
        w.WriteEndObject();
    }

    public static ReadOnlySpan<byte> Of(ExecutionType type) => type switch
    {
        ExecutionType.New => "NEW"u8,
        ExecutionType.Canceled => "CANCELED"u8,
        ExecutionType.Replaced => "REPLACED"u8,
        ExecutionType.Rejected => "REJECTED"u8,
        ExecutionType.Trade => "TRADE"u8,
        ExecutionType.Expired => "EXPIRED"u8,
        _ => "TRADE_PREVENTION"u8,
    };
}
