using RxTrader.Core;
using RxTrader.Core.Instruments;
using RxTrader.Simulator.Matching;
using static RxTrader.Simulator.Tests.EngineFixture;

namespace RxTrader.Simulator.Tests.Matching;

public sealed class OrderValidationTests
{
    public static TheoryData<string, OrderRequest, int, string> Refusals => new()
    {
        { "limit without tif", Limit(Side.Buy, 100m, 1m) with { TimeInForce = null }, -1102, "Mandatory parameter 'timeInForce' was not sent, was empty/null, or malformed." },
        { "limit without quantity", Limit(Side.Buy, 100m, 1m) with { Quantity = null }, -1102, "Mandatory parameter 'quantity' was not sent, was empty/null, or malformed." },
        { "limit without price", Limit(Side.Buy, 100m, 1m) with { Price = null }, -1102, "Mandatory parameter 'price' was not sent, was empty/null, or malformed." },
        { "limit with quote qty", Limit(Side.Buy, 100m, 1m) with { QuoteOrderQty = 5m }, -1106, "Parameter 'quoteOrderQty' sent when not required." },
        { "market without amounts", MarketOrder(Side.Buy), -1102, "Param 'quantity' or 'quoteOrderQty' must be sent, but both were empty/null!" },
        { "market with both amounts", MarketOrder(Side.Buy, 1m, 100m), -1106, "Parameter 'quoteOrderQty' sent when not required." },
        { "limit maker without price", new OrderRequest { Symbol = BtcUsdt, Side = Side.Buy, Type = OrderType.LimitMaker, Quantity = 1m }, -1102, "Mandatory parameter 'price' was not sent, was empty/null, or malformed." },
        { "stop loss without stop", new OrderRequest { Symbol = BtcUsdt, Side = Side.Sell, Type = OrderType.StopLoss, Quantity = 1m }, -1102, "Mandatory parameter 'stopPrice' was not sent, was empty/null, or malformed." },
        { "stop loss", new OrderRequest { Symbol = BtcUsdt, Side = Side.Sell, Type = OrderType.StopLoss, Quantity = 1m, StopPrice = 90m }, -2010, "Stop loss orders are not supported for this symbol." },
        { "stop loss limit", new OrderRequest { Symbol = BtcUsdt, Side = Side.Sell, Type = OrderType.StopLossLimit, TimeInForce = TimeInForce.Gtc, Quantity = 1m, Price = 90m, StopPrice = 90m }, -2010, "Stop loss limit orders are not supported for this symbol." },
        { "take profit", new OrderRequest { Symbol = BtcUsdt, Side = Side.Sell, Type = OrderType.TakeProfit, Quantity = 1m, StopPrice = 90m }, -2010, "Take profit orders are not supported for this symbol." },
        { "take profit limit", new OrderRequest { Symbol = BtcUsdt, Side = Side.Sell, Type = OrderType.TakeProfitLimit, TimeInForce = TimeInForce.Gtc, Quantity = 1m, Price = 90m, StopPrice = 90m }, -2010, "Take profit limit orders are not supported for this symbol." },
        { "client id with a dot", Limit(Side.Buy, 100m, 1m, clientId: "a.b"), -1100, "Illegal characters found in parameter 'newClientOrderId'; legal range is '^[a-zA-Z0-9-_]{1,36}$'." },
        { "client id too long", Limit(Side.Buy, 100m, 1m, clientId: new string('a', 37)), -1100, "Illegal characters found in parameter 'newClientOrderId'; legal range is '^[a-zA-Z0-9-_]{1,36}$'." },
        { "price off tick", Limit(Side.Buy, 100.001m, 1m), -1013, "Filter failure: PRICE_FILTER" },
        { "price below min", Limit(Side.Buy, 0.001m, 10_000m), -1013, "Filter failure: PRICE_FILTER" },
        { "price above max", Limit(Side.Sell, 1_000_000.01m, 0.001m), -1013, "Filter failure: PRICE_FILTER" },
        { "quantity off step", Limit(Side.Buy, 100m, 1.0005m), -1013, "Filter failure: LOT_SIZE" },
        { "quantity below min", Limit(Side.Buy, 10_000m, 0.0001m), -1013, "Filter failure: LOT_SIZE" },
        { "quantity above max", Limit(Side.Sell, 100m, 9_001m), -1013, "Filter failure: LOT_SIZE" },
        { "market quantity above market max", MarketOrder(Side.Sell, quantity: 101m), -1013, "Filter failure: MARKET_LOT_SIZE" },
        { "notional below min", Limit(Side.Buy, 4.99m, 1m), -1013, "Filter failure: NOTIONAL" },
        { "market quote below notional", MarketOrder(Side.Buy, quote: 4m), -1013, "Filter failure: NOTIONAL" },
        { "quantity zero", Limit(Side.Buy, 100m, 0m), -1013, "Filter failure: LOT_SIZE" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void PlaceOrder_InvalidRequest_RefusedWithBinanceCodeAndMessage(string name, OrderRequest request, int code, string message)
    {
        using var f = new EngineFixture();
        f.Liquidity(Side.Sell, 100_000m, 1m);
        f.Events.Clear();

        var error = f.Refused(Alice, request);

        error.ShouldBe(new ExchangeError(code, message), name);
        f.Events.ShouldBeEmpty();
        f.Balance(Alice, "USDT").ShouldBe(new("USDT", 10_000m, 0m));
    }

    [Fact]
    public void PlaceOrder_UnknownSymbol_InvalidSymbol()
    {
        using var f = new EngineFixture();

        f.Refused(Alice, Limit(Side.Buy, 1m, 10m) with { Symbol = new Symbol("ETHUSDT") })
            .ShouldBe(new ExchangeError(-1121, "Invalid symbol."));
    }

    [Fact]
    public void PlaceOrder_UnknownAccount_InvalidApiKey()
    {
        using var f = new EngineFixture();

        f.Refused("mallory", Limit(Side.Buy, 100m, 1m)).Code.ShouldBe(-2015);
    }

    [Fact]
    public void PlaceOrder_SymbolHalted_MarketIsClosed()
    {
        using var f = new EngineFixture(r => r with { Status = SymbolStatus.Halt });

        f.Refused(Alice, Limit(Side.Buy, 100m, 1m)).ShouldBe(new ExchangeError(-1013, "Market is closed."));
    }

    [Fact]
    public void PlaceOrder_MinNotionalLegacyFilter_Applied()
    {
        using var f = new EngineFixture(r => r with { Filters = r.Filters with { Notional = null, MinNotional = new MinNotionalFilter(10m, false, 5) } });

        f.Refused(Alice, Limit(Side.Buy, 9.99m, 1m)).ShouldBe(ExchangeErrors.FilterFailure("MIN_NOTIONAL"));
        f.Place(Alice, Limit(Side.Buy, 10m, 1m)).Order.Status.ShouldBe(OrderStatus.New);
    }

    [Fact]
    public void PlaceOrder_NotionalMax_Applied()
    {
        using var f = new EngineFixture(r => r with { Filters = r.Filters with { Notional = new NotionalFilter(5m, 1_000m, true, false, 5) } });

        f.Refused(Alice, Limit(Side.Buy, 1_000.01m, 1m)).ShouldBe(ExchangeErrors.FilterFailure("NOTIONAL"));
    }

    [Fact]
    public void PlaceOrder_MarketNotional_UsesLastTradePrice()
    {
        using var f = new EngineFixture();
        f.Liquidity(Side.Sell, 10m, 5m);
        f.Liquidity(Side.Buy, 10m, 1m); // prints a trade at 10

        f.Refused(Alice, MarketOrder(Side.Buy, quantity: 0.4m)).ShouldBe(ExchangeErrors.FilterFailure("NOTIONAL"));
        f.Place(Alice, MarketOrder(Side.Buy, quantity: 0.5m)).Order.Status.ShouldBe(OrderStatus.Filled);
    }

    [Fact]
    public void PlaceOrder_TooManyOpenOrders_MaxNumOrders()
    {
        using var f = new EngineFixture(r => r with { MaxNumOrders = 2 });
        f.Place(Alice, Limit(Side.Buy, 100m, 1m));
        f.Place(Alice, Limit(Side.Buy, 100m, 1m));

        f.Refused(Alice, Limit(Side.Buy, 100m, 1m)).ShouldBe(new ExchangeError(-1013, "Filter failure: MAX_NUM_ORDERS"));
        f.Place(Bob, Limit(Side.Buy, 100m, 1m)).Order.Status.ShouldBe(OrderStatus.New);
    }

    [Fact]
    public void PlaceOrder_ClientIdOfAnOpenOrder_Duplicate()
    {
        using var f = new EngineFixture();
        f.Place(Alice, Limit(Side.Buy, 100m, 1m, clientId: "dup"));

        f.Refused(Alice, Limit(Side.Buy, 99m, 1m, clientId: "dup")).ShouldBe(new ExchangeError(-2010, "Duplicate order sent."));
        f.Place(Bob, Limit(Side.Buy, 99m, 1m, clientId: "dup")).Order.ClientOrderId.ShouldBe("dup");
    }

    [Fact]
    public void PlaceOrder_ClientIdOfAFinalOrder_Accepted()
    {
        using var f = new EngineFixture();
        var first = f.Place(Alice, Limit(Side.Buy, 100m, 1m, clientId: "again")).Order.OrderId;
        f.Engine.CancelOrder(Alice, new CancelRequest(BtcUsdt, first)).IsSuccess.ShouldBeTrue();

        var second = f.Place(Alice, Limit(Side.Buy, 100m, 1m, clientId: "again")).Order.OrderId;

        f.Engine.QueryOrder(Alice, BtcUsdt, null, "again").Value!.OrderId.ShouldBe(second);
    }

    [Fact]
    public void PlaceOrder_InsufficientBalance_RefusedWithoutChanges()
    {
        using var f = new EngineFixture();

        f.Refused(Alice, Limit(Side.Buy, 10_000m, 1.001m))
            .ShouldBe(new ExchangeError(-2010, "Account has insufficient balance for requested action."));
        f.Refused(Alice, Limit(Side.Sell, 100m, 10.001m)).ShouldBe(ExchangeErrors.InsufficientBalance);
        f.Place(Alice, Limit(Side.Buy, 10_000m, 1m)).Order.Status.ShouldBe(OrderStatus.New);
        f.Refused(Alice, Limit(Side.Buy, 5m, 1m)).ShouldBe(ExchangeErrors.InsufficientBalance);
    }

    [Theory]
    [InlineData("a", true)]
    [InlineData("Ab-9_z", true)]
    [InlineData("123456789012345678901234567890123456", true)]
    [InlineData("", false)]
    [InlineData("a b", false)]
    [InlineData("é", false)]
    [InlineData("a/b", false)]
    public void NewClientOrderId_FollowsBinancePattern(string id, bool accepted)
    {
        using var f = new EngineFixture();

        var result = f.Engine.PlaceOrder(Alice, Limit(Side.Buy, 100m, 1m, clientId: id));

        result.IsSuccess.ShouldBe(accepted);
        if (!accepted)
        {
            result.Error!.Value.Code.ShouldBe(-1100);
        }
    }

    [Fact]
    public void TestOrder_ChecksWithoutPlacingAndSkipsEngineChecks()
    {
        using var f = new EngineFixture();
        f.Liquidity(Side.Sell, 100m, 1m);
        f.Place(Alice, Limit(Side.Buy, 90m, 1m, clientId: "open"));
        f.Events.Clear();

        f.Engine.TestOrder(Alice, Limit(Side.Buy, 100m, 1m)).ShouldBeNull();
        f.Engine.TestOrder(Alice, Limit(Side.Buy, 100.001m, 1m)).ShouldBe(ExchangeErrors.FilterFailure("PRICE_FILTER"));
        f.Engine.TestOrder(Alice, Limit(Side.Buy, 99m, 1m, clientId: "open")).ShouldBe(ExchangeErrors.DuplicateOrder);
        f.Engine.TestOrder(Alice, Limit(Side.Buy, 1_000m, 100m)).ShouldBeNull(); // balance is an engine check
        f.Engine.TestOrder(Alice, Limit(Side.Buy, 1m, 10m) with { Symbol = new Symbol("ETHUSDT") }).ShouldBe(ExchangeErrors.InvalidSymbol);
        f.Engine.TestOrder("nobody", Limit(Side.Buy, 100m, 1m))!.Value.Code.ShouldBe(-2015);
        f.Events.ShouldBeEmpty();
        f.Engine.OpenOrders(Alice).Value!.Count.ShouldBe(1);
    }
}
