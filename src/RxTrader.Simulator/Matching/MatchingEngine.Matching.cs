using RxTrader.Core;
using RxTrader.Core.MarketData;

namespace RxTrader.Simulator.Matching;

/// <summary>Matching a taker against the book in price-time priority, and the end of its time in force.</summary>
public sealed partial class MatchingEngine
{
    /// <summary>Matches <paramref name="taker"/>, then rests it (GTC, LIMIT_MAKER) or expires its rest (IOC, FOK, MARKET).</summary>
    private void Execute(SymbolMarket market, Order taker, DateTimeOffset now, List<Fill>? fills)
    {
        var opposite = market.Opposite(taker.Side);
        var isMarket = taker.Type == OrderType.Market;
        if (taker.TimeInForce == TimeInForce.Fok && !BookWalk.CanFill(opposite, taker.Price, isMarket, taker.Quantity))
        {
            Finish(market, taker, OrderStatus.Expired, ExpiryReason.UnfilledFokOrderExpired, now);
            return;
        }

        while (taker.Remaining > 0 && opposite.Best is { } level && (isMarket || opposite.Crosses(level.Price, taker.Price)))
        {
            var maker = level.Head!;
            Trade(market, taker, maker, level, Math.Min(taker.Remaining, maker.Remaining), now, fills);
        }

        if (taker.Remaining == 0)
        {
            Close(market, taker);
            return;
        }

        if (isMarket)
        {
            Finish(market, taker, OrderStatus.Expired, ExpiryReason.InsufficientLiquidity, now);
        }
        else if (taker.TimeInForce == TimeInForce.Ioc)
        {
            Finish(market, taker, OrderStatus.Expired, ExpiryReason.UnfilledIocQuantityExpired, now);
        }
        else
        {
            market.Rest(taker);
            if (taker.Owner is null)
            {
                market.Liquidity.Add(taker.Id, taker);
            }
        }
    }

    private void Trade(SymbolMarket market, Order taker, Order maker, PriceLevel level, decimal quantity, DateTimeOffset now, List<Fill>? fills)
    {
        var price = level.Price;
        var tradeId = market.NextTradeId();
        var rules = market.Rules;
        level.Reduce(quantity);
        market.Touch(maker.Side, price);
        var takerFee = ApplyFill(rules, taker, price, quantity, isMaker: false, now);
        var makerFee = ApplyFill(rules, maker, price, quantity, isMaker: true, now);
        if (maker.Remaining == 0)
        {
            market.Unrest(maker);
            Close(market, maker);
        }

        market.LastPrice = price;
        fills?.Add(new Fill(price, quantity, takerFee, ReceivedAsset(rules, taker.Side), tradeId));
        var facts = new TradeFacts(tradeId, price, quantity, takerFee, makerFee);
        TradeReport(rules, taker, facts, isMaker: false, now);
        TradeReport(rules, maker, facts, isMaker: true, now);
        Publish(new PublicTradeExecuted(new Trade(
            rules.Symbol, tradeId, price, quantity, now, now, IsBuyerMaker: maker.Side == Side.Buy)));
    }

    /// <summary>Applies one fill to an order and its owner's balances; returns the commission charged.</summary>
    private decimal ApplyFill(SymbolRules rules, Order order, decimal price, decimal quantity, bool isMaker, DateTimeOffset now)
    {
        var quote = price * quantity;
        order.Executed += quantity;
        order.CumulativeQuote += quote;
        order.UpdateTime = now;
        order.Status = order.Remaining == 0 ? OrderStatus.Filled : OrderStatus.PartiallyFilled;
        if (order.Owner is not { } account)
        {
            return 0m;
        }

        TouchAccount(account);
        var rate = isMaker ? account.Rates.Maker : account.Rates.Taker;
        if (order.Side == Side.Buy)
        {
            // A LIMIT BUY locked its limit price per unit; the price improvement goes back to free.
            var release = order.Type == OrderType.Market ? quote : order.Price * quantity;
            order.Locked -= release;
            account.SpendLocked(rules.QuoteAsset, release);
            account.Credit(rules.QuoteAsset, release - quote);
            var fee = quantity * rate;
            account.Credit(rules.BaseAsset, quantity - fee);
            ReleaseIfFilled(order, rules.QuoteAsset);
            return fee;
        }

        order.Locked -= quantity;
        account.SpendLocked(rules.BaseAsset, quantity);
        var commission = quote * rate;
        account.Credit(rules.QuoteAsset, quote - commission);
        ReleaseIfFilled(order, rules.BaseAsset);
        return commission;
    }

    /// <summary>A filled order gives back what its lock still holds (a MARKET BUY's unspent estimate).</summary>
    private static void ReleaseIfFilled(Order order, string lockAsset)
    {
        if (order.Status == OrderStatus.Filled && order.Locked != 0)
        {
            order.Owner!.Unlock(lockAsset, order.Locked);
            order.Locked = 0;
        }
    }

    /// <summary>Ends an open order that is not on the book (expiry) or was just taken off it (cancel).</summary>
    private void Finish(SymbolMarket market, Order order, OrderStatus status, ExpiryReason reason, DateTimeOffset now, string? cancelClientOrderId = null)
    {
        order.Status = status;
        order.ExpiryReason = reason;
        order.UpdateTime = now;
        if (order.Owner is { } account && order.Locked != 0)
        {
            account.Unlock(order.Side == Side.Buy ? market.Rules.QuoteAsset : market.Rules.BaseAsset, order.Locked);
            order.Locked = 0;
            TouchAccount(account);
        }

        Close(market, order);
        var type = status == OrderStatus.Canceled ? ExecutionType.Canceled : ExecutionType.Expired;
        Report(order, type, now, cancelClientOrderId);
    }

    private static void Close(SymbolMarket market, Order order)
    {
        if (order.Owner is { } account)
        {
            account.Orders(order.Symbol).Open.Remove(order.Id);
        }
        else
        {
            market.Liquidity.Remove(order.Id);
        }
    }

    private static string ReceivedAsset(SymbolRules rules, Side side) => side == Side.Buy ? rules.BaseAsset : rules.QuoteAsset;
}
