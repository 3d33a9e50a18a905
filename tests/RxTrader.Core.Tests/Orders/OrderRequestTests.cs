using RxTrader.Core.Orders;

namespace RxTrader.Core.Tests.Orders;

public sealed class OrderRequestTests
{
    private static readonly ClientOrderId Id = ClientOrderId.For("t", 1);
    private static readonly Symbol Btc = new("BTCUSDT");

    [Fact]
    public void Validate_FactoryOrders_AreWellFormed()
    {
        OrderRequest.Limit(Id, Btc, Side.Buy, 1m, 100m).Validate().ShouldBeNull();
        OrderRequest.Limit(Id, Btc, Side.Sell, 1m, 100m, TimeInForce.FillOrKill).Validate().ShouldBeNull();
        OrderRequest.Market(Id, Btc, Side.Buy, 1m).Validate().ShouldBeNull();
        OrderRequest.LimitMaker(Id, Btc, Side.Sell, 1m, 100m).Validate().ShouldBeNull();
        new OrderRequest(Id, Btc, Side.Buy, OrderType.Market, 0m, QuoteQuantity: 50m).Validate().ShouldBeNull();
    }

    public static TheoryData<OrderRequest, string> Malformed => new()
    {
        { OrderRequest.Limit(default, Btc, Side.Buy, 1m, 100m), "client order id" },
        { OrderRequest.Limit(Id, default, Side.Buy, 1m, 100m), "symbol" },
        { OrderRequest.Limit(Id, Btc, (Side)9, 1m, 100m), "side" },
        { OrderRequest.Limit(Id, Btc, Side.Buy, 1m, 0m), "price" },
        { OrderRequest.Limit(Id, Btc, Side.Buy, 0m, 100m), "quantity" },
        { OrderRequest.Limit(Id, Btc, Side.Buy, -1m, 100m), "quantity" },
        { new OrderRequest(Id, Btc, Side.Buy, OrderType.Limit, 1m, 100m), "time in force" },
        { OrderRequest.LimitMaker(Id, Btc, Side.Buy, 1m, -5m), "price" },
        { OrderRequest.LimitMaker(Id, Btc, Side.Buy, 1m, 100m) with { TimeInForce = TimeInForce.GoodTillCanceled }, "time in force" },
        { OrderRequest.Market(Id, Btc, Side.Buy, 0m), "quantity" },
        { OrderRequest.Market(Id, Btc, Side.Buy, 1m) with { Price = 5m }, "price" },
        { OrderRequest.Market(Id, Btc, Side.Buy, 1m) with { QuoteQuantity = 5m }, "quote" },
        { OrderRequest.Market(Id, Btc, Side.Buy, 0m) with { QuoteQuantity = -5m }, "quote" },
        { OrderRequest.Limit(Id, Btc, Side.Buy, 1m, 100m) with { QuoteQuantity = 5m }, "quote" },
        { OrderRequest.Limit(Id, Btc, Side.Buy, 1m, 100m) with { Type = (OrderType)9 }, "order type" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Validate_Malformed_SaysWhat(OrderRequest request, string mentions)
    {
        request.Validate().ShouldNotBeNull().ShouldContain(mentions, Case.Insensitive);
    }

    [Fact]
    public void Order_Derived_RemainingAndAveragePrice()
    {
        var time = DateTimeOffset.UnixEpoch;
        var order = new Order(Id, Btc, Side.Buy, OrderType.Limit, TimeInForce.GoodTillCanceled, 100m, 2m, 0.5m, 49m,
            OrderStatus.PartiallyFilled, 7, time, time);

        order.RemainingQuantity.ShouldBe(1.5m);
        order.AveragePrice.ShouldBe(98m);
        order.IsTerminal.ShouldBeFalse();
        (order with { Status = OrderStatus.Canceled }).RemainingQuantity.ShouldBe(0m);
        (order with { ExecutedQuantity = 0m }).AveragePrice.ShouldBeNull();
    }

    [Theory]
    [InlineData(OrderStatus.New, false)]
    [InlineData(OrderStatus.PartiallyFilled, false)]
    [InlineData(OrderStatus.PendingCancel, false)]
    [InlineData(OrderStatus.Filled, true)]
    [InlineData(OrderStatus.Canceled, true)]
    [InlineData(OrderStatus.Rejected, true)]
    [InlineData(OrderStatus.Expired, true)]
    [InlineData(OrderStatus.ExpiredInMatch, true)]
    public void IsTerminal_ByStatus(OrderStatus status, bool terminal)
    {
        status.IsTerminal().ShouldBe(terminal);
    }
}
