using System.Globalization;
using RxTrader.Core;
using RxTrader.Core.Instruments;
using RxTrader.Core.Orders;

namespace RxTrader.Trading.Risk;

public sealed partial class RiskGate
{
    /// <summary>Checks a new order and rounds it onto the exchange's grid.</summary>
    /// <param name="request">The order a strategy wants to place.</param>
    /// <returns>Approved with the order to send (the same instance when nothing was rounded), or rejected with the
    /// first check that failed; a rejection is also published on <see cref="Rejections"/>.</returns>
    /// <remarks>Never throws for bad values: a malformed request, an unknown symbol or values too large to compute
    /// with are rejections. An approved order is counted against the order-rate limits.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    public RiskCheckResult Check(OrderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        RiskCheckResult result;
        bool deliver;
        lock (_gate)
        {
            var now = _scheduler.Now;
            RollDayLocked(now);
            OrderRequest? approved;
            RiskRejectionReason reason;
            string? message;
            try
            {
                approved = Evaluate(request, now, out reason, out message);
            }
            catch (OverflowException)
            {
                approved = null;
                reason = RiskRejectionReason.InvalidOrder;
                message = "The order's price or quantity is too large to compute with.";
            }

            if (approved is not null)
            {
                result = RiskCheckResult.Approved(approved);
            }
            else
            {
                var rejection = new RiskRejection(now, reason, message!, request);
                EnqueueLocked(rejection);
                result = RiskCheckResult.Rejected(rejection);
            }

            deliver = _pending.Count != 0;
        }

        if (deliver)
        {
            Deliver();
        }

        return result;
    }

    // The checks, in the order of README.md; returns the order to send, or null with the reason.
    private OrderRequest? Evaluate(OrderRequest request, DateTimeOffset now, out RiskRejectionReason reason, out string? message)
    {
        if (request.Validate() is { } problem)
        {
            return Reject(RiskRejectionReason.InvalidOrder, problem, out reason, out message);
        }

        var symbol = request.Symbol;
        if (!_symbols.TryGetValue(symbol, out var state) || state.Info is not { } info)
        {
            return Reject(RiskRejectionReason.UnknownSymbol, $"{symbol} is not a known symbol.", out reason, out message);
        }

        if (!info.IsTrading)
        {
            return Reject(RiskRejectionReason.SymbolNotTrading, $"{symbol} is {info.Status}, not trading.", out reason, out message);
        }

        if (_mode == TradingMode.Halted)
        {
            return Reject(RiskRejectionReason.TradingHalted, "Trading is halted: no new orders.", out reason, out message);
        }

        if (state.Health is { Worst: not DataHealth.Healthy } health)
        {
            return Reject(
                RiskRejectionReason.DataUnhealthy,
                $"Market data of {symbol} is {health.Worst} ({health.WorstSource}).",
                out reason,
                out message);
        }

        var isMarket = request.Type == OrderType.Market;
        var mark = 0m;
        if (isMarket)
        {
            if (_exposure.MarkOf(symbol) is not { } known || known <= 0m)
            {
                return Reject(RiskRejectionReason.NoMarkPrice, $"No mark price of {symbol} to value a market order.", out reason, out message);
            }

            mark = known;
        }

        var filters = info.Filters;
        var side = request.Side;

        // Price: onto the tick, never more aggressive than asked (buy down, sell up). The rounding puts it on the
        // tick, so only the range is left to check.
        decimal? price = null;
        if (request.Price is { } asked)
        {
            var rounded = side == Side.Buy ? state.Price.Down(asked) : state.Price.Up(asked);
            if (rounded <= 0m || (filters.Price is { } pf && !InRange(rounded, pf.MinPrice, pf.MaxPrice)))
            {
                return Reject(
                    RiskRejectionReason.PriceFilter,
                    $"Price {asked} of {symbol} rounds to {rounded}, outside PRICE_FILTER {Describe(filters.Price)}.",
                    out reason,
                    out message);
            }

            price = rounded;
        }

        // Quantity: down onto the step (never more than asked). A market order by quote amount has none to round.
        decimal quantity;
        decimal? quoteQuantity = null;
        decimal notional;
        if (request.QuoteQuantity is { } quote)
        {
            var roundedQuote = StepRounding.For(0m, info.QuoteAssetPrecision).Down(quote);
            if (roundedQuote <= 0m)
            {
                return Reject(
                    RiskRejectionReason.NotionalFilter,
                    $"Quote quantity {quote} of {symbol} rounds to 0 at {info.QuoteAssetPrecision} decimals.",
                    out reason,
                    out message);
            }

            quoteQuantity = roundedQuote;
            notional = roundedQuote;
            quantity = 0m;
        }
        else
        {
            quantity = state.Lot.Down(request.Quantity);
            var marketLot = isMarket ? filters.MarketLotSize : null;
            if (isMarket && state.HasMarketStep)
            {
                quantity = state.MarketLot.Down(quantity);
            }

            var lotBroken = filters.LotSize is { } lot
                && (isMarket && state.StepsMayNotNest ? !lot.Accepts(quantity) : !InRange(quantity, lot.MinQuantity, lot.MaxQuantity));
            if (quantity <= 0m || lotBroken)
            {
                return Reject(
                    RiskRejectionReason.QuantityFilter,
                    $"Quantity {request.Quantity} of {symbol} rounds to {quantity}, outside LOT_SIZE {Describe(filters.LotSize)}.",
                    out reason,
                    out message);
            }

            if (marketLot is { } market && !InRange(quantity, market.MinQuantity, market.MaxQuantity))
            {
                return Reject(
                    RiskRejectionReason.QuantityFilter,
                    $"Quantity {request.Quantity} of {symbol} rounds to {quantity}, outside MARKET_LOT_SIZE {Describe(marketLot)}.",
                    out reason,
                    out message);
            }

            notional = (price ?? mark) * quantity;
        }

        if (NotionalProblem(filters, isMarket, notional) is { } notionalProblem)
        {
            return Reject(
                RiskRejectionReason.NotionalFilter,
                $"Order value {notional} of {symbol} breaks {notionalProblem}.",
                out reason,
                out message);
        }

        // The base quantity the order adds to exposure; a market order by quote amount is estimated at the mark.
        var exposureQuantity = quoteQuantity is { } q ? q / mark : quantity;
        var maxPosition = Limits.MaxPositionOf(symbol);
        var position = 0m;
        var sameSideOpen = 0m;
        if (_mode == TradingMode.Reducing || maxPosition is not null)
        {
            position = _exposure.PositionOf(symbol);
            sameSideOpen = _exposure.OpenQuantity(symbol, side);
        }

        if (_mode == TradingMode.Reducing)
        {
            var reduces = side == Side.Sell ? position > 0m : position < 0m;
            if (!reduces || sameSideOpen + exposureQuantity > Math.Abs(position))
            {
                return Reject(
                    RiskRejectionReason.NotReducing,
                    $"Reducing only: {side} {exposureQuantity} {symbol} with {sameSideOpen} open on that side does not reduce position {position} without flipping it.",
                    out reason,
                    out message);
            }
        }

        if (Limits.MaxOrderNotional is { } maxOrderNotional && notional > maxOrderNotional)
        {
            return Reject(
                RiskRejectionReason.MaxOrderNotional,
                $"Order value {notional} of {symbol} exceeds the limit of {maxOrderNotional} per order.",
                out reason,
                out message);
        }

        if (maxPosition is { } maxAbsolute)
        {
            // One-sided: an order that moves the position towards zero always fits.
            var projected = side == Side.Buy ? position + sameSideOpen + exposureQuantity : position - sameSideOpen - exposureQuantity;
            if (side == Side.Buy ? projected > maxAbsolute : projected < -maxAbsolute)
            {
                return Reject(
                    RiskRejectionReason.MaxPosition,
                    $"Position {position} of {symbol} with {sameSideOpen} open and this {side} of {exposureQuantity} would reach {projected}, beyond the limit of {maxAbsolute}.",
                    out reason,
                    out message);
            }
        }

        if (Limits.MaxOpenOrders is { } maxOpen && _exposure.OpenOrderCount(null) is var openOrders && openOrders >= maxOpen)
        {
            return Reject(
                RiskRejectionReason.MaxOpenOrders,
                $"{openOrders} orders are open; the limit is {maxOpen}.",
                out reason,
                out message);
        }

        if (Limits.MaxOpenOrdersPerSymbol is { } maxOpenPerSymbol && _exposure.OpenOrderCount(symbol) is var symbolOrders && symbolOrders >= maxOpenPerSymbol)
        {
            return Reject(
                RiskRejectionReason.MaxOpenOrdersPerSymbol,
                $"{symbolOrders} orders of {symbol} are open; the limit is {maxOpenPerSymbol}.",
                out reason,
                out message);
        }

        if (Limits.MaxOpenNotional is { } maxOpenNotional)
        {
            var open = _exposure.OpenNotional();
            if (open + notional > maxOpenNotional)
            {
                return Reject(
                    RiskRejectionReason.MaxOpenNotional,
                    $"Open value {open} plus this order's {notional} exceeds the limit of {maxOpenNotional}.",
                    out reason,
                    out message);
            }
        }

        // Last, so that an order refused for any other reason costs no rate.
        if (!_rate.TryAcquire(now, out reason, out message))
        {
            return null;
        }

        reason = default;
        message = null;
        return price == request.Price && quantity == request.Quantity && quoteQuantity == request.QuoteQuantity
            ? request
            : request with { Price = price, Quantity = quantity, QuoteQuantity = quoteQuantity };
    }

    // A zero bound is disabled, as in the exchange's filters.
    private static bool InRange(decimal value, decimal min, decimal max) =>
        (min == 0m || value >= min) && (max == 0m || value <= max);

    private static string? NotionalProblem(SymbolFilters filters, bool isMarket, decimal notional)
    {
        if (filters.Notional is { } n)
        {
            if ((!isMarket || n.ApplyMinToMarket) && notional < n.MinNotional)
            {
                return string.Create(CultureInfo.InvariantCulture, $"NOTIONAL minimum {n.MinNotional}");
            }

            if ((!isMarket || n.ApplyMaxToMarket) && n.MaxNotional is { } max && notional > max)
            {
                return string.Create(CultureInfo.InvariantCulture, $"NOTIONAL maximum {max}");
            }
        }

        if (filters.MinNotional is { } m && (!isMarket || m.ApplyToMarket) && notional < m.MinNotional)
        {
            return string.Create(CultureInfo.InvariantCulture, $"MIN_NOTIONAL {m.MinNotional}");
        }

        return null;
    }

    private static string Describe(PriceFilter? filter) =>
        filter is { } f
            ? string.Create(CultureInfo.InvariantCulture, $"[min {f.MinPrice}, max {f.MaxPrice}, tick {f.TickSize}]")
            : "(none)";

    private static string Describe(QuantityFilter? filter) =>
        filter is { } f
            ? string.Create(CultureInfo.InvariantCulture, $"[min {f.MinQuantity}, max {f.MaxQuantity}, step {f.StepSize}]")
            : "(none)";

    private static OrderRequest? Reject(RiskRejectionReason why, string text, out RiskRejectionReason reason, out string? message)
    {
        reason = why;
        message = text;
        return null;
    }
}
