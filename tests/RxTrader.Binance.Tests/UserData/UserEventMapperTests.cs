using Newtonsoft.Json.Linq;
using RxTrader.Binance.UserData;
using RxTrader.Core;
using RxTrader.Core.Orders;

namespace RxTrader.Binance.Tests.UserData;

public sealed class UserEventMapperTests
{
    private const string Trade = """
        {"e":"executionReport","E":1499405658658,"s":"ETHBTC","c":"mUvoqJxFIILMdfAW5iGSOW","S":"BUY","o":"LIMIT","f":"GTC",
         "q":"1.00000000","p":"0.10264410","P":"0.00000000","F":"0.00000000","g":-1,"C":"","x":"TRADE","X":"PARTIALLY_FILLED",
         "r":"NONE","i":4293153,"l":"0.40000000","z":"0.40000000","L":"0.10264410","n":"0.00040000","N":"ETH","T":1499405658657,
         "t":77,"I":8641984,"w":true,"m":true,"M":false,"O":1499405658600,"Z":"0.04105764","Y":"0.04105764","Q":"0.00000000"}
        """;

    [Fact]
    public void ExecutionReport_Trade_OrderAndFill()
    {
        var update = UserEventMapper.ExecutionReport(JObject.Parse(Trade));

        var order = update.Order;
        order.ClientOrderId.Value.ShouldBe("mUvoqJxFIILMdfAW5iGSOW");
        order.Symbol.ShouldBe(new Symbol("ETHBTC"));
        order.Side.ShouldBe(Side.Buy);
        order.Type.ShouldBe(OrderType.Limit);
        order.TimeInForce.ShouldBe(TimeInForce.GoodTillCanceled);
        order.Price.ShouldBe(0.10264410m);
        order.Quantity.ShouldBe(1m);
        order.ExecutedQuantity.ShouldBe(0.4m);
        order.CumulativeQuoteQuantity.ShouldBe(0.04105764m);
        order.Status.ShouldBe(OrderStatus.PartiallyFilled);
        order.ExchangeOrderId.ShouldBe(4293153);
        order.Time.ToUnixTimeMilliseconds().ShouldBe(1499405658600);
        order.UpdateTime.ToUnixTimeMilliseconds().ShouldBe(1499405658657);
        var fill = update.Fill.ShouldNotBeNull();
        fill.TradeId.ShouldBe(77);
        fill.Price.ShouldBe(0.10264410m);
        fill.Quantity.ShouldBe(0.4m);
        fill.QuoteQuantity.ShouldBe(0.04105764m);
        fill.Commission.ShouldBe(0.0004m);
        fill.CommissionAsset.ShouldBe("ETH");
        fill.IsMaker.ShouldBeTrue();
        fill.ClientOrderId.ShouldBe(order.ClientOrderId);
    }

    [Fact]
    public void ExecutionReport_Cancel_NamesTheCancelledOrderNotTheCancelRequest()
    {
        var e = JObject.Parse(Trade);
        e["x"] = "CANCELED";
        e["X"] = "CANCELED";
        e["c"] = "cancelRequestId";
        e["C"] = "mUvoqJxFIILMdfAW5iGSOW";

        var update = UserEventMapper.ExecutionReport(e);

        update.Order.ClientOrderId.Value.ShouldBe("mUvoqJxFIILMdfAW5iGSOW");
        update.Order.Status.ShouldBe(OrderStatus.Canceled);
        update.Fill.ShouldBeNull();
    }

    [Fact]
    public void ExecutionReport_Market_NoPriceNoTimeInForce()
    {
        var e = JObject.Parse(Trade);
        e["o"] = "MARKET";
        e["x"] = "NEW";

        var update = UserEventMapper.ExecutionReport(e);

        update.Order.Price.ShouldBeNull();
        update.Order.TimeInForce.ShouldBeNull();
        update.Fill.ShouldBeNull();
    }

    [Theory]
    [InlineData("X", "SOMETHING_NEW")]
    [InlineData("o", "STOP_LOSS")]
    [InlineData("S", "SIDEWAYS")]
    [InlineData("z", "abc")]
    [InlineData("c", "not a valid id!")]
    public void ExecutionReport_UnexpectedValue_FormatException(string field, string value)
    {
        var e = JObject.Parse(Trade);
        e[field] = value;

        Should.Throw<FormatException>(() => UserEventMapper.ExecutionReport(e));
    }

    [Fact]
    public void AccountPosition_Balances()
    {
        var e = JObject.Parse("""{"e":"outboundAccountPosition","E":1564034571105,"u":1564034571073,"B":[{"a":"ETH","f":"10000.000000","l":"0.000000"},{"a":"BTC","f":"0.5","l":"0.25"}]}""");

        var update = UserEventMapper.AccountPosition(e);

        update.Time.ToUnixTimeMilliseconds().ShouldBe(1564034571073);
        update.Balances.ShouldBe([new Balance("ETH", 10000m, 0m), new Balance("BTC", 0.5m, 0.25m)]);
    }
}
