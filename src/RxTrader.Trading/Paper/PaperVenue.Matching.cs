using RxTrader.Core;
using RxTrader.Core.Orders;

namespace RxTrader.Trading.Paper;

/// <summary>The fill model (see <c>Paper/README.md</c>): placement against the latest book, then resting orders
/// against later book tickers and trades. Everything here runs under the gate.</summary>
public sealed partial class PaperVenue
{
    private VenueOutcome<Order> PlaceLocked(OrderRequest request, DateTimeOffset now)
    {
        if (request.Validate() is { } invalid)
        {
            return PaperRejection.Malformed(invalid).As<Order>();
        }

        if (!_markets.TryGetValue(request.Symbol, out var market))
        {
            return PaperRejection.InvalidSymbol.As<Order>();
        }

        var info = market.Info;
        if (!info.IsTrading)
        {
            return PaperRejection.MarketClosed.As<Order>();
        }

        var side = request.Side;
        var best = market.OppositeBest(side);
        if (PaperFilters.Check(info.Filters, request, market.LastTradePrice ?? best) is { } filtered)
        {
            return filtered.As<Order>();
        }

        if (market.ByClientId.TryGetValue(request.ClientOrderId, out var existing) && existing.IsOpen)
        {
            return PaperRejection.DuplicateOrder.As<Order>();
        }

        if (market.OpenCount >= _options.MaxOpenOrdersPerSymbol)
        {
            return PaperRejection.FilterFailure("MAX_NUM_ORDERS").As<Order>();
        }

        var isBuy = side == Side.Buy;
        var quantity = request.Quantity;
        var available = market.Available(side);
        decimal toLock;
        if (request.Type != OrderType.Market)
        {
            toLock = isBuy ? request.Price!.Value * quantity : quantity;
        }
        else if (request.QuoteQuantity is { } quote)
        {
            // Only the top of book is known: the quote amount buys (or sells) what that level holds, at most.
            var chosen = best is { } price && available > 0m ? PaperFilters.BaseForQuote(info, quote, price, available) : 0m;
            var exhausted = best is not { } p || available * p < quote;
            if (PaperFilters.CheckChosenQuantity(info.Filters, chosen, exhausted) is { } thin)
            {
                return thin.As<Order>();
            }

            quantity = chosen;
            toLock = isBuy ? quote : chosen;
        }
        else
        {
            // A market buy locks what it can spend now: the part the top of book holds, at its price.
            toLock = isBuy ? best is { } price ? Math.Min(quantity, available) * price : 0m : quantity;
        }

        var lockAsset = isBuy ? info.QuoteAsset : info.BaseAsset;
        if (_account.Free(lockAsset) < toLock)
        {
            return PaperRejection.InsufficientBalance.As<Order>();
        }

        if (request.Type == OrderType.LimitMaker && market.Crosses(side, request.Price!.Value))
        {
            return PaperRejection.WouldMatchAndTake.As<Order>();
        }

        var order = new PaperOrder
        {
            ClientOrderId = request.ClientOrderId,
            Market = market,
            Side = side,
            Type = request.Type,
            TimeInForce = request.TimeInForce,
            Price = request.Price,
            Quantity = quantity,
            Id = market.NextOrderId(),
            Sequence = ++_sequence,
            Time = now,
            UpdateTime = now,
            Locked = toLock,
        };
        _account.Lock(lockAsset, toLock);
        market.ByClientId[order.ClientOrderId] = order;
        market.ById[order.Id] = order;
        Publish(order, null);
        Execute(market, order, now);
        return new VenueOutcome<Order>.Accepted(order.Current);
    }

    /// <summary>The taking phase of a new order against the latest book, then rest or expiry.</summary>
    private void Execute(PaperMarket market, PaperOrder order, DateTimeOffset now)
    {
        var side = order.Side;
        var isMarket = order.Type == OrderType.Market;
        if (market.OppositeBest(side) is { } best && (isMarket || market.Crosses(side, order.LimitPrice)))
        {
            order.Aggressive = true;
            var available = market.Available(side);
            if (order.TimeInForce == TimeInForce.FillOrKill && available < order.Quantity)
            {
                Finish(order, OrderStatus.Expired, now);
                return;
            }

            var take = Math.Min(order.Remaining, available);
            if (take > 0m)
            {
                market.Take(side, take);
                ApplyFill(order, best, take, isMaker: false, now);
            }
        }

        if (!order.IsOpen)
        {
            return;
        }

        if (isMarket || order.TimeInForce is TimeInForce.ImmediateOrCancel or TimeInForce.FillOrKill)
        {
            Finish(order, OrderStatus.Expired, now);
            return;
        }

        order.QueueAhead = InitialQueue(market, order);
        market.Rest(order);
    }

    /// <summary>The displayed size ahead of a new resting order: the size at its price when that is the best on its
    /// side, none when it improves on the best, unknown when it is behind the best or no book is known.</summary>
    private static decimal? InitialQueue(PaperMarket market, PaperOrder order)
    {
        var price = order.LimitPrice;
        if (order.Side == Side.Buy)
        {
            return !market.HasBid ? null : price > market.BidPrice ? 0m : price == market.BidPrice ? market.BidQuantity : null;
        }

        return !market.HasAsk ? null : price < market.AskPrice ? 0m : price == market.AskPrice ? market.AskQuantity : null;
    }

    private VenueOutcome<Order> CancelLocked(Symbol symbol, ClientOrderId clientOrderId, DateTimeOffset now)
    {
        if (!_markets.TryGetValue(symbol, out var market))
        {
            return PaperRejection.InvalidSymbol.As<Order>();
        }

        if (clientOrderId.IsDefault || !market.ByClientId.TryGetValue(clientOrderId, out var order) || !order.IsOpen)
        {
            return PaperRejection.UnknownOrder.As<Order>();
        }

        market.Unrest(order);
        Finish(order, OrderStatus.Canceled, now);
        return new VenueOutcome<Order>.Accepted(order.Current);
    }

    /// <summary>A new top of book: resting orders it crosses take its size; queue positions shrink to what it shows.</summary>
    private void MatchBook(PaperMarket market, DateTimeOffset now)
    {
        var bids = market.Bids;
        for (var i = 0; i < bids.Count;)
        {
            var order = bids[i];
            var price = order.LimitPrice;
            var crossing = market.HasAsk && price >= market.AskPrice;
            if (!crossing && (!market.HasBid || price < market.BidPrice))
            {
                break; // sorted best first: no later order is crossed or at the top
            }

            if (crossing && TakeFromBook(market, order, market.AskPrice, now))
            {
                bids.RemoveAt(i);
                continue;
            }

            UpdateQueue(order, market.HasBid, price - market.BidPrice, market.BidQuantity);
            i++;
        }

        var asks = market.Asks;
        for (var i = 0; i < asks.Count;)
        {
            var order = asks[i];
            var price = order.LimitPrice;
            var crossing = market.HasBid && price <= market.BidPrice;
            if (!crossing && (!market.HasAsk || price > market.AskPrice))
            {
                break;
            }

            if (crossing && TakeFromBook(market, order, market.BidPrice, now))
            {
                asks.RemoveAt(i);
                continue;
            }

            UpdateQueue(order, market.HasAsk, market.AskPrice - price, market.AskQuantity);
            i++;
        }
    }

    /// <summary>A resting order the book now crosses takes the displayed size: at the book's price as taker when
    /// the order was aggressive (it is walking the book), else at its own price as maker (the market moved through
    /// it). Returns whether the order is now filled.</summary>
    private bool TakeFromBook(PaperMarket market, PaperOrder order, decimal bookPrice, DateTimeOffset now)
    {
        var available = market.Available(order.Side);
        if (available <= 0m)
        {
            return false;
        }

        var quantity = Math.Min(order.Remaining, available);
        market.Take(order.Side, quantity);
        ApplyFill(order, order.Aggressive ? bookPrice : order.LimitPrice, quantity, isMaker: !order.Aggressive, now);
        return !order.IsOpen;
    }

    /// <summary>Queue ahead only shrinks: to the displayed size when the order's price is the best, to zero when the
    /// order is better than the displayed best (everyone at its price left).</summary>
    private static void UpdateQueue(PaperOrder order, bool sideDisplayed, decimal improvement, decimal displayed)
    {
        if (!sideDisplayed)
        {
            return;
        }

        if (improvement > 0m)
        {
            order.QueueAhead = 0m;
        }
        else if (improvement == 0m)
        {
            order.QueueAhead = order.QueueAhead is { } ahead ? Math.Min(ahead, displayed) : displayed;
        }
    }

    /// <summary>A trade print: resting orders priced strictly better than it fill at their own price; orders at its
    /// price fill from what is left after their queue ahead, if the print hit their side. The print's volume is
    /// shared in price-time priority.</summary>
    private void MatchTrade(PaperMarket market, decimal price, decimal quantity, bool isBuyerMaker, DateTimeOffset now)
    {
        var bids = market.Bids;
        var volume = quantity;
        for (var i = 0; i < bids.Count && volume > 0m;)
        {
            var order = bids[i];
            var comparison = decimal.Compare(order.LimitPrice, price);

            // Below the print, or at it when the print did not hit the bids: neither this order nor any after it fills.
            if (comparison < 0 || (comparison == 0 && !isBuyerMaker))
            {
                break;
            }

            if (FillFromTrade(order, through: comparison > 0, ref volume, now))
            {
                bids.RemoveAt(i);
                continue;
            }

            i++;
        }

        var asks = market.Asks;
        volume = quantity;
        for (var i = 0; i < asks.Count && volume > 0m;)
        {
            var order = asks[i];
            var comparison = decimal.Compare(order.LimitPrice, price);
            if (comparison > 0 || (comparison == 0 && isBuyerMaker))
            {
                break;
            }

            if (FillFromTrade(order, through: comparison < 0, ref volume, now))
            {
                asks.RemoveAt(i);
                continue;
            }

            i++;
        }
    }

    /// <summary>Fills one resting order from a print's remaining volume (an at-price print has hit the order's side);
    /// returns whether it is now filled.</summary>
    private bool FillFromTrade(PaperOrder order, bool through, ref decimal volume, DateTimeOffset now)
    {
        if (!through)
        {
            if (order.QueueAhead is not { } ahead)
            {
                return false;
            }

            var consumed = Math.Min(ahead, volume);
            order.QueueAhead = ahead - consumed;
            volume -= consumed;
        }

        var quantity = Math.Min(order.Remaining, volume);
        if (quantity <= 0m)
        {
            return false;
        }

        volume -= quantity;
        ApplyFill(order, order.LimitPrice, quantity, isMaker: !order.Aggressive, now);
        return !order.IsOpen;
    }

    /// <summary>Applies one fill to the order and the balances (fee in the received asset) and publishes it.</summary>
    private void ApplyFill(PaperOrder order, decimal price, decimal quantity, bool isMaker, DateTimeOffset now)
    {
        var market = order.Market;
        var info = market.Info;
        var quote = price * quantity;
        order.Executed += quantity;
        order.CumulativeQuote += quote;
        order.UpdateTime = now;
        order.Status = order.Remaining == 0m ? OrderStatus.Filled : OrderStatus.PartiallyFilled;
        var rate = isMaker ? _options.MakerFeeRate : _options.TakerFeeRate;
        decimal fee;
        string feeAsset;
        if (order.Side == Side.Buy)
        {
            // A limit buy locked its limit price per unit: a better execution price frees the difference.
            var release = order.Type == OrderType.Market ? quote : order.LimitPrice * quantity;
            order.Locked -= release;
            _account.SpendLocked(info.QuoteAsset, release);
            _account.Credit(info.QuoteAsset, release - quote);
            fee = quantity * rate;
            feeAsset = info.BaseAsset;
            _account.Credit(info.BaseAsset, quantity - fee);
        }
        else
        {
            order.Locked -= quantity;
            _account.SpendLocked(info.BaseAsset, quantity);
            fee = quote * rate;
            feeAsset = info.QuoteAsset;
            _account.Credit(info.QuoteAsset, quote - fee);
        }

        var fill = new Fill(
            order.ClientOrderId, order.Id, market.NextTradeId(), info.Symbol, order.Side, price, quantity, quote, fee,
            feeAsset, isMaker, now);
        order.Fills.Add(fill);
        if (order.Status == OrderStatus.Filled)
        {
            ReleaseLock(order);
            Close(order);
        }

        Publish(order, fill);
    }

    /// <summary>Ends an open order that is off the book (expired, or cancelled and just removed).</summary>
    private void Finish(PaperOrder order, OrderStatus status, DateTimeOffset now)
    {
        order.Status = status;
        order.UpdateTime = now;
        ReleaseLock(order);
        Close(order);
        Publish(order, null);
    }

    private void ReleaseLock(PaperOrder order)
    {
        if (order.Locked != 0m)
        {
            var info = order.Market.Info;
            _account.Unlock(order.Side == Side.Buy ? info.QuoteAsset : info.BaseAsset, order.Locked);
            order.Locked = 0m;
        }
    }

    /// <summary>Keeps a closed order for queries, forgetting the oldest closed beyond the bound.</summary>
    private void Close(PaperOrder order)
    {
        _closed.Enqueue(order);
        while (_closed.Count > _options.MaxClosedOrders)
        {
            var old = _closed.Dequeue();
            var market = old.Market;
            market.ById.Remove(old.Id);
            if (market.ByClientId.TryGetValue(old.ClientOrderId, out var latest) && ReferenceEquals(latest, old))
            {
                market.ByClientId.Remove(old.ClientOrderId);
            }
        }
    }
}
