using Newtonsoft.Json.Linq;
using RxTrader.Binance.Execution;
using RxTrader.Binance.Rest;
using RxTrader.Core.Orders;

namespace RxTrader.Binance.UserData;

/// <summary>Maps user-data events (binance-wire §4.3) to the domain; problems are <see cref="FormatException"/>s.</summary>
internal static class UserEventMapper
{
    /// <summary>An <c>executionReport</c>: the order after the change, and the fill when <c>x</c> is <c>TRADE</c>.</summary>
    /// <remarks>A cancel's report carries the cancel request's own id in <c>c</c> and the cancelled order's in
    /// <c>C</c>; <c>C</c> is empty otherwise.</remarks>
    public static OrderUpdate ExecutionReport(JObject e)
    {
        var type = OrderMapper.Type(WireJson.String(e["o"], "executionReport.o"));
        var original = e["C"] is JValue { Value: string c } && c.Length > 0 ? e["C"] : e["c"];
        var clientId = OrderMapper.ClientId(original, "executionReport.c");
        var symbol = WireJson.Symbol(e["s"], "executionReport.s");
        var side = OrderMapper.Side(WireJson.String(e["S"], "executionReport.S"));
        var transactTime = WireJson.Time(e["T"], "executionReport.T");
        var orderId = WireJson.Long(e["i"], "executionReport.i");
        var order = new Order(
            clientId,
            symbol,
            side,
            type,
            type == OrderType.Limit ? OrderMapper.TimeInForce(WireJson.String(e["f"], "executionReport.f")) : null,
            type == OrderType.Market ? null : WireJson.Decimal(e["p"], "executionReport.p"),
            WireJson.Decimal(e["q"], "executionReport.q"),
            WireJson.Decimal(e["z"], "executionReport.z"),
            WireJson.Decimal(e["Z"], "executionReport.Z"),
            OrderMapper.Status(WireJson.String(e["X"], "executionReport.X")),
            orderId,
            WireJson.Time(e["O"], "executionReport.O"),
            transactTime);
        if (WireJson.String(e["x"], "executionReport.x") != "TRADE")
        {
            return new OrderUpdate(order, null);
        }

        var price = WireJson.Decimal(e["L"], "executionReport.L");
        var quantity = WireJson.Decimal(e["l"], "executionReport.l");
        var fill = new Fill(
            clientId,
            orderId,
            WireJson.Long(e["t"], "executionReport.t"),
            symbol,
            side,
            price,
            quantity,
            e["Y"] is { } lastQuote ? WireJson.Decimal(lastQuote, "executionReport.Y") : price * quantity,
            WireJson.Decimal(e["n"], "executionReport.n"),
            e["N"] is JValue { Value: string asset } ? asset : string.Empty,
            WireJson.Bool(e["m"], "executionReport.m"),
            transactTime);
        return new OrderUpdate(order, fill);
    }

    /// <summary>An <c>outboundAccountPosition</c>.</summary>
    public static AccountUpdate AccountPosition(JObject e)
    {
        var assets = WireJson.Array(e["B"], "outboundAccountPosition.B");
        var balances = new List<Balance>(assets.Count);
        for (var i = 0; i < assets.Count; i++)
        {
            var what = $"outboundAccountPosition.B[{i}]";
            var b = WireJson.Object(assets[i], what);
            balances.Add(new Balance(
                WireJson.String(b["a"], $"{what}.a"),
                WireJson.Decimal(b["f"], $"{what}.f"),
                WireJson.Decimal(b["l"], $"{what}.l")));
        }

        return new AccountUpdate(WireJson.Time(e["u"] ?? e["E"], "outboundAccountPosition.u"), balances);
    }
}
