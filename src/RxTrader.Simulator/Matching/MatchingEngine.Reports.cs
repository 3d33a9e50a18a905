using RxTrader.Core;
using RxTrader.Simulator.Accounts;

namespace RxTrader.Simulator.Matching;

/// <summary>Execution reports and account trades of user orders (synthetic orders have none).</summary>
public sealed partial class MatchingEngine
{
    /// <summary>A NEW, CANCELED or EXPIRED report; on cancel <paramref name="cancelClientOrderId"/> becomes
    /// <c>c</c> and the order's own id <c>C</c>.</summary>
    private void Report(Order order, ExecutionType type, DateTimeOffset now, string? cancelClientOrderId = null)
    {
        if (order.Owner is { } account)
        {
            Publish(NewReport(account, order, type, now, cancelClientOrderId, LastTrade.None));
        }
    }

    /// <summary>The TRADE report of one side of a trade, and the account trade behind <c>myTrades</c>.</summary>
    private void TradeReport(SymbolRules rules, Order order, in TradeFacts trade, bool isMaker, DateTimeOffset now)
    {
        if (order.Owner is not { } account)
        {
            return;
        }

        var isBuyer = order.Side == Side.Buy;
        var commission = isMaker ? trade.MakerCommission : trade.TakerCommission;
        var asset = isBuyer ? rules.BaseAsset : rules.QuoteAsset;
        account.Orders(order.Symbol).Trades.Add(new AccountTrade(
            order.Symbol, trade.TradeId, order.Id, trade.Price, trade.Quantity, trade.Price * trade.Quantity,
            commission, asset, now, isBuyer, isMaker));
        var last = new LastTrade(trade.Quantity, trade.Price, commission, asset, trade.TradeId, isMaker);
        Publish(NewReport(account, order, ExecutionType.Trade, now, null, last));
    }

    private ExecutionReport NewReport(Account account, Order order, ExecutionType type, DateTimeOffset now, string? cancelClientOrderId, in LastTrade last) => new(now)
    {
        AccountId = account.Id,
        Symbol = order.Symbol,
        ClientOrderId = cancelClientOrderId ?? order.ClientOrderId,
        OrigClientOrderId = cancelClientOrderId is null ? null : order.ClientOrderId,
        Side = order.Side,
        Type = order.Type,
        TimeInForce = order.TimeInForce,
        Quantity = order.Quantity,
        Price = order.Price,
        QuoteOrderQty = order.QuoteOrderQty,
        ExecutionType = type,
        Status = order.Status,
        OrderId = order.Id,
        LastExecutedQty = last.Quantity,
        LastExecutedPrice = last.Price,
        CumulativeQty = order.Executed,
        CumulativeQuoteQty = order.CumulativeQuote,
        Commission = last.Commission,
        CommissionAsset = last.CommissionAsset,
        TransactionTime = now,
        TradeId = last.TradeId,
        ExecutionId = ++_executionId,
        IsWorking = order.IsOpen,
        IsMaker = last.IsMaker,
        CreationTime = order.Time,
        WorkingTime = order.Time,
        ExpiryReason = order.ExpiryReason,
        StrategyId = order.StrategyId,
        StrategyType = order.StrategyType,
    };

    /// <summary>The trade fields of a TRADE report; default for other reports.</summary>
    private readonly record struct LastTrade(decimal Quantity, decimal Price, decimal Commission, string? CommissionAsset, long TradeId, bool IsMaker)
    {
        /// <summary>No trade: zeros, no commission asset, trade id -1 (Binance's values).</summary>
        public static LastTrade None { get; } = new(0m, 0m, 0m, null, -1, false);
    }

    /// <summary>One trade as both sides see it.</summary>
    private readonly record struct TradeFacts(long TradeId, decimal Price, decimal Quantity, decimal TakerCommission, decimal MakerCommission);
}
