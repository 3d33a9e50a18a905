using RxTrader.Simulator.Accounts;

namespace RxTrader.Simulator.Matching;

/// <summary>Execution reports and account trades of user orders (synthetic orders have none).</summary>
public sealed partial class MatchingEngine
{
    private void Report(Order order, ExecutionType type, DateTimeOffset now, string? cancelClientOrderId = null)
    {
        if (order.Owner is not { } account)
        {
            return;
        }

        Publish(NewReport(account, order, type, now) with
        {
            ClientOrderId = cancelClientOrderId ?? order.ClientOrderId,
            OrigClientOrderId = cancelClientOrderId is null ? null : order.ClientOrderId,
        });
    }

    private void TradeReports(SymbolRules rules, Order order, decimal commission, decimal price, decimal quantity, long tradeId, bool isMaker, DateTimeOffset now)
    {
        if (order.Owner is not { } account)
        {
            return;
        }

        var asset = order.Side == RxTrader.Core.Side.Buy ? rules.BaseAsset : rules.QuoteAsset;
        account.Orders(order.Symbol).Trades.Add(new AccountTrade(
            order.Symbol, tradeId, order.Id, price, quantity, price * quantity, commission, asset, now,
            IsBuyer: order.Side == RxTrader.Core.Side.Buy, isMaker));
        Publish(NewReport(account, order, ExecutionType.Trade, now) with
        {
            LastExecutedQty = quantity,
            LastExecutedPrice = price,
            Commission = commission,
            CommissionAsset = asset,
            TradeId = tradeId,
            IsMaker = isMaker,
        });
    }

    private ExecutionReport NewReport(Account account, Order order, ExecutionType type, DateTimeOffset now) => new(now)
    {
        AccountId = account.Id,
        Symbol = order.Symbol,
        ClientOrderId = order.ClientOrderId,
        Side = order.Side,
        Type = order.Type,
        TimeInForce = order.TimeInForce,
        Quantity = order.Quantity,
        Price = order.Price,
        QuoteOrderQty = order.QuoteOrderQty,
        ExecutionType = type,
        Status = order.Status,
        OrderId = order.Id,
        LastExecutedQty = 0m,
        LastExecutedPrice = 0m,
        CumulativeQty = order.Executed,
        CumulativeQuoteQty = order.CumulativeQuote,
        Commission = 0m,
        TransactionTime = now,
        TradeId = -1,
        ExecutionId = ++_executionId,
        IsWorking = order.IsOpen,
        IsMaker = false,
        CreationTime = order.Time,
        WorkingTime = order.Time,
        ExpiryReason = order.ExpiryReason,
        StrategyId = order.StrategyId,
        StrategyType = order.StrategyType,
    };
}
