using RxTrader.Simulator.Matching;

namespace RxTrader.Simulator.Rest;

/// <summary>
/// Parses <c>POST /api/v3/order</c> (and <c>order/test</c>) into an <see cref="OrderRequest"/>, in the order of
/// the wire reference's checklist: symbol (<c>-1121</c>), mandatory <c>side</c>/<c>type</c> (<c>-1102</c>), enum values
/// (<c>-1117</c>, <c>-1116</c>, <c>-1115</c>, <c>-1100</c>), number syntax (<c>-1100</c>, <c>-1111</c>), parameters that do
/// not apply (<c>-1106</c>). Type-dependent mandatory parameters, filters and balances are the engine's.
/// </summary>
internal static class NewOrderParser
{
    public static readonly string[] Parameters =
    [
        "symbol", "side", "type", "timeInForce", "quantity", "quoteOrderQty", "price", "newClientOrderId",
        "strategyId", "strategyType", "stopPrice", "trailingDelta", "icebergQty", "newOrderRespType",
        "selfTradePreventionMode",
    ];

    public static readonly ExchangeError InvalidSide = new(-1117, "Invalid side.");
    public static readonly ExchangeError InvalidType = new(-1116, "Invalid orderType.");
    public static readonly ExchangeError InvalidTimeInForce = new(-1115, "Invalid timeInForce.");
    public static readonly ExchangeError BadStrategyType = new(-1134, "strategyType was less than 1000000.");
    public static readonly ExchangeError IcebergNotSupported = new(-2010, "Iceberg orders are not supported for this symbol.");

    public static OrderRequest? Parse(RestCall call, out ResponseType responseType)
    {
        var p = call.Parameters;
        ExchangeError? error = null;
        responseType = ResponseType.Ack;
        var symbol = p.Symbol(call.Engine, ref error);
        var sideText = p.Required("side", ref error);
        var typeText = p.Required("type", ref error);
        var tifText = p.Optional("timeInForce", ref error);
        var respText = p.Optional("newOrderRespType", ref error);
        var stpText = p.Optional("selfTradePreventionMode", ref error);
        var side = error is null ? WireText.ParseSide(sideText) : null;
        if (error is null && side is null)
        {
            error = InvalidSide;
        }

        var type = error is null ? WireText.ParseType(typeText) : null;
        if (error is null && type is null)
        {
            error = InvalidType;
        }

        var tif = error is null && tifText is not null ? WireText.ParseTimeInForce(tifText) : null;
        if (error is null && tifText is not null && tif is null)
        {
            error = InvalidTimeInForce;
        }

        if (error is null && respText is not null && respText is not ("ACK" or "RESULT" or "FULL"))
        {
            error = ExchangeErrors.IllegalChars("newOrderRespType", "ACK, RESULT, FULL");
        }

        if (error is null && stpText is not null && stpText != "NONE")
        {
            error = stpText is "EXPIRE_MAKER" or "EXPIRE_TAKER" or "EXPIRE_BOTH" or "DECREMENT" or "TRANSFER"
                ? ParamReader.NotValid("selfTradePreventionMode")
                : ExchangeErrors.IllegalChars("selfTradePreventionMode", "NONE, EXPIRE_MAKER, EXPIRE_TAKER, EXPIRE_BOTH, DECREMENT, TRANSFER");
        }

        var quantity = p.Decimal("quantity", ref error);
        var quoteQty = p.Decimal("quoteOrderQty", ref error);
        var price = p.Decimal("price", ref error);
        var stopPrice = p.Decimal("stopPrice", ref error);
        var iceberg = p.Decimal("icebergQty", ref error);
        var trailing = p.Long("trailingDelta", ref error);
        var strategyId = p.Long("strategyId", ref error);
        var strategyType = p.Int("strategyType", ref error);
        var clientId = p.Optional("newClientOrderId", ref error);
        if (error is null && strategyType is < 1_000_000)
        {
            error = BadStrategyType;
        }

        if (error is null && tif is not null && type is OrderType.Market or OrderType.LimitMaker)
        {
            error = ExchangeErrors.ParameterNotRequired("timeInForce");
        }

        if (error is null && price is not null && type is OrderType.Market)
        {
            error = ExchangeErrors.ParameterNotRequired("price");
        }

        if (error is null && trailing is not null && type is OrderType.Market or OrderType.Limit or OrderType.LimitMaker)
        {
            error = ExchangeErrors.ParameterNotRequired("trailingDelta");
        }

        if (error is null && iceberg is > 0m)
        {
            error = IcebergNotSupported;
        }

        if (error is { } e)
        {
            call.Fail(e);
            return null;
        }

        responseType = respText switch
        {
            "ACK" => ResponseType.Ack,
            "RESULT" => ResponseType.Result,
            "FULL" => ResponseType.Full,
            _ => type is OrderType.Market or OrderType.Limit ? ResponseType.Full : ResponseType.Ack,
        };
        return new OrderRequest
        {
            Symbol = symbol,
            Side = side!.Value,
            Type = type!.Value,
            TimeInForce = tif,
            Quantity = quantity,
            QuoteOrderQty = quoteQty,
            Price = price,
            StopPrice = stopPrice,
            NewClientOrderId = clientId,
            StrategyId = strategyId,
            StrategyType = strategyType,
        };
    }
}
