using RxTrader.Core;
using RxTrader.Simulator.Matching;

namespace RxTrader.Simulator.Market;

/// <summary>The synthetic market of one symbol: fair value walk, regimes, Hawkes arrivals and the ladder of
/// synthetic levels kept in the engine. Every call runs under the symbol's gate.</summary>
internal sealed class SymbolSimulation
{
    private static readonly Comparison<LiquiditySlot> BidOrder = static (a, b) => b.Ticks.CompareTo(a.Ticks);
    private static readonly Comparison<LiquiditySlot> AskOrder = static (a, b) => a.Ticks.CompareTo(b.Ticks);

    private readonly MatchingEngine _engine;
    private readonly SymbolModelOptions _options;
    private readonly Random _random;
    private readonly Symbol _symbol;
    private readonly decimal _tick;
    private readonly decimal _step;
    private readonly decimal _lotMin;
    private readonly decimal _minNotional;
    private readonly long _spacing;
    private readonly double _minFairTicks;
    private readonly List<LiquiditySlot> _bids = [];
    private readonly List<LiquiditySlot> _asks = [];
    private readonly List<LiquiditySlot> _spare = [];
    private readonly bool[] _present;
    private int _bidCount;
    private int _askCount;
    private double _fairTicks;
    private double _excitation;
    private long _bidTop;
    private long _askTop;
    private bool _seeded;
    private long _trades;
    private long _placed;
    private long _replaced;
    private long _canceled;
    private long _switches;

    public SymbolSimulation(MatchingEngine engine, SymbolModelOptions options, int seed)
    {
        _engine = engine;
        _options = options;
        _random = new Random(seed);
        _symbol = options.Rules.Symbol;
        _tick = options.Rules.Filters.Price!.Value.TickSize;
        _step = options.Rules.Filters.LotSize!.Value.StepSize;
        _lotMin = options.Rules.Filters.LotSize.Value.MinQuantity;
        _minNotional = Math.Max(options.Rules.Filters.Notional?.MinNotional ?? 0m, options.Rules.Filters.MinNotional?.MinNotional ?? 0m);
        _spacing = options.LevelSpacingTicks;
        _fairTicks = (double)(options.InitialPrice / _tick);
        _minFairTicks = ((options.Depth + options.ExtraLevels + 2) * _spacing) + options.Volatile.SpreadTicks;
        _present = new bool[options.Depth + options.ExtraLevels];
        _bidCount = options.Depth;
        _askCount = options.Depth;
        Regime = options.InitialRegime;
    }

    public Lock Gate { get; } = new();

    public Symbol Symbol => _symbol;

    public MarketRegime Regime { get; private set; }

    public DateTimeOffset LastStep { get; set; }

    public DateTimeOffset LastRegimeCheck { get; set; }

    public SymbolModelState State() => new(
        _symbol,
        Regime,
        (_bidTop + _askTop) * _tick / 2,
        Math.Round((decimal)_fairTicks, 2) * _tick,
        _bidTop * _tick,
        _askTop * _tick,
        _trades,
        _placed,
        _replaced,
        _canceled,
        _switches);

    /// <summary>Places the initial ladder once.</summary>
    public void EnsureSeeded()
    {
        if (_seeded)
        {
            return;
        }

        _seeded = true;
        (_bidTop, _askTop) = Tops();
        Rebuild(_asks, Side.Sell, _askTop, _askCount);
        Rebuild(_bids, Side.Buy, _bidTop, _bidCount);
    }

    /// <summary>The wait until the next trade arrival (Ogata thinning of a Hawkes process whose baseline follows
    /// the regime), after accounting for an arrival now.</summary>
    public TimeSpan NextArrival()
    {
        var beta = 1.0 / _options.ClusterDecay.TotalSeconds;
        var baseline = _options.MeanTradesPerSecond * (1 - _options.Clustering) * _options.For(Regime).RateMultiplier;
        _excitation += _options.Clustering * beta;
        var wait = 0.0;
        while (true)
        {
            var bound = baseline + _excitation;
            var w = -Math.Log(1 - _random.NextDouble()) / bound;
            wait += w;
            _excitation *= Math.Exp(-beta * w);
            if (_random.NextDouble() * bound <= baseline + _excitation)
            {
                return TimeSpan.FromTicks(Math.Max(1L, (long)(wait * TimeSpan.TicksPerSecond)));
            }
        }
    }

    /// <summary>Moves the regime on by <paramref name="seconds"/>.</summary>
    public void AdvanceRegime(double seconds)
    {
        var p = _options.For(Regime).SwitchProbabilityPerSecond;
        if (p <= 0 || seconds <= 0)
        {
            return;
        }

        var leave = 1 - Math.Pow(1 - p, seconds);
        if (_random.NextDouble() < leave)
        {
            // One of the two other regimes, evenly.
            Regime = (MarketRegime)(((int)Regime + 1 + _random.Next(2)) % 3);
            _switches++;
        }
    }

    /// <summary>One arrival: the fair value walks <paramref name="seconds"/>, then a taker trades: it sweeps the
    /// levels the new touch left behind, or trades at the touch when the touch holds; the ladder follows.</summary>
    /// <param name="seconds">The time the walk covers (since the previous arrival).</param>
    /// <param name="regimeSeconds">The time the regime covers (since the previous regime check).</param>
    /// <returns>1 when the taker traded, else 0.</returns>
    public int Step(double seconds, double regimeSeconds)
    {
        EnsureSeeded();
        AdvanceRegime(regimeSeconds);
        var regime = _options.For(Regime);
        var shock = regime.Volatility * Math.Sqrt(Math.Max(seconds, 0)) * Gaussian();
        _fairTicks = Math.Max(_fairTicks * Math.Exp(shock), _minFairTicks);
        var (bid, ask) = Tops();
        int traded;
        if (ask > _askTop)
        {
            traded = Sweep(_asks, Side.Buy, ask - 1, static (slot, limit) => slot.Ticks <= limit);
            Rebuild(_asks, Side.Sell, ask, _askCount);
            Rebuild(_bids, Side.Buy, bid, _bidCount);
        }
        else if (bid < _bidTop)
        {
            traded = Sweep(_bids, Side.Sell, bid + 1, static (slot, limit) => slot.Ticks >= limit);
            Rebuild(_bids, Side.Buy, bid, _bidCount);
            Rebuild(_asks, Side.Sell, ask, _askCount);
        }
        else
        {
            if (bid != _bidTop || ask != _askTop)
            {
                Rebuild(_asks, Side.Sell, ask, _askCount);
                Rebuild(_bids, Side.Buy, bid, _bidCount);
            }

            traded = TouchTrade();
        }

        _bidTop = bid;
        _askTop = ask;
        _trades += traded;
        return traded;
    }

    /// <summary>Book maintenance between trades: a level resized, added at the far end or removed from it.</summary>
    public void Refresh()
    {
        EnsureSeeded();
        var buy = _random.Next(2) == 0;
        var slots = buy ? _bids : _asks;
        var side = buy ? Side.Buy : Side.Sell;
        var count = buy ? _bidCount : _askCount;
        switch (_random.Next(4))
        {
            case 0 when count < _options.Depth + _options.ExtraLevels:
                count++;
                break;
            case 1 when count > _options.Depth:
                count--;
                break;
            default:
                if (slots.Count > 0)
                {
                    var slot = slots[_random.Next(slots.Count)];
                    Renew(slot, side, slot.Ticks, LevelQuantity(slot.Ticks));
                }

                return;
        }

        if (buy)
        {
            _bidCount = count;
            Rebuild(_bids, Side.Buy, _bidTop, count);
        }
        else
        {
            _askCount = count;
            Rebuild(_asks, Side.Sell, _askTop, count);
        }
    }

    private (long Bid, long Ask) Tops()
    {
        var spread = _options.For(Regime).SpreadTicks;
        var bid = (long)Math.Floor((_fairTicks - (spread / 2.0)) / _spacing) * _spacing;
        return (bid, bid + spread);
    }

    /// <summary>A taker through every slot <paramref name="consumed"/> selects, limited to <paramref name="limit"/>
    /// (which takes user orders in between too); the slots stay in the list, for <see cref="Rebuild"/> to renew.</summary>
    private int Sweep(List<LiquiditySlot> slots, Side takerSide, long limit, Func<LiquiditySlot, long, bool> consumed)
    {
        var quantity = 0m;
        foreach (var slot in slots)
        {
            if (consumed(slot, limit))
            {
                quantity += slot.Quantity;
                slot.Quantity = 0m;
            }
        }

        return quantity > 0 ? Take(takerSide, limit, quantity) : 0;
    }

    /// <summary>A trade at the touch; the maker level is topped up first when it holds less than the trade.</summary>
    private int TouchTrade()
    {
        var takerSide = _random.Next(2) == 0 ? Side.Buy : Side.Sell;
        var makers = takerSide == Side.Buy ? _asks : _bids;
        if (makers.Count == 0)
        {
            return 0;
        }

        var maker = makers[0];
        var quantity = TradeQuantity(maker.Ticks);
        if (maker.Quantity < quantity)
        {
            // Top the level up first, so the taker keeps its size (and the symbol's minimum notional).
            Renew(maker, takerSide == Side.Buy ? Side.Sell : Side.Buy, maker.Ticks, Math.Max(LevelQuantity(maker.Ticks), quantity));
        }

        var traded = Take(takerSide, maker.Ticks, quantity);
        maker.Quantity = Math.Max(0m, maker.Quantity - quantity);
        if (maker.Quantity < _options.MinLevelQuantity)
        {
            // Taken to (almost) nothing: the level comes back at once, so the side keeps its depth.
            Renew(maker, takerSide == Side.Buy ? Side.Sell : Side.Buy, maker.Ticks, LevelQuantity(maker.Ticks));
        }

        return traded;
    }

    /// <summary>Sends a crossing synthetic order; what does not trade is canceled at once (an IOC).</summary>
    private int Take(Side side, long limitTicks, decimal quantity)
    {
        var result = _engine.PlaceLiquidity(_symbol, side, limitTicks * _tick, quantity);
        _placed++;
        if (!result.IsSuccess)
        {
            return 0;
        }

        if (result.Value.Resting > 0 && _engine.CancelLiquidity(_symbol, result.Value.OrderId))
        {
            _canceled++;
        }

        return result.Value.Filled > 0 ? 1 : 0;
    }

    /// <summary>Puts the side's slots at <c>top ∓ i·spacing</c> for <c>i &lt; count</c>: slots already there stay,
    /// the others move (replace) to the missing prices, placing or canceling for the difference.</summary>
    private void Rebuild(List<LiquiditySlot> slots, Side side, long top, int count)
    {
        var direction = side == Side.Buy ? -1L : 1L;
        Array.Clear(_present);
        _spare.Clear();
        for (var i = slots.Count - 1; i >= 0; i--)
        {
            var slot = slots[i];
            var offset = (slot.Ticks - top) * direction;
            var level = offset / _spacing;
            if (offset >= 0 && offset % _spacing == 0 && level < count && !_present[level] && slot.Quantity > 0)
            {
                _present[level] = true;
            }
            else
            {
                _spare.Add(slot);
                slots.RemoveAt(i);
            }
        }

        for (var level = 0; level < count; level++)
        {
            if (_present[level])
            {
                continue;
            }

            var ticks = top + (direction * level * _spacing);
            if (_spare.Count > 0)
            {
                var slot = _spare[^1];
                _spare.RemoveAt(_spare.Count - 1);
                Renew(slot, side, ticks, LevelQuantity(ticks));
                slots.Add(slot);
            }
            else
            {
                var slot = new LiquiditySlot();
                Place(slot, side, ticks, LevelQuantity(ticks));
                slots.Add(slot);
            }
        }

        foreach (var slot in _spare)
        {
            if (_engine.CancelLiquidity(_symbol, slot.OrderId))
            {
                _canceled++;
            }
        }

        _spare.Clear();
        slots.Sort(side == Side.Buy ? BidOrder : AskOrder);
    }

    /// <summary>Moves or resizes a slot's order; places a new one when the old one is gone (filled).</summary>
    private void Renew(LiquiditySlot slot, Side side, long ticks, decimal quantity)
    {
        var result = _engine.ReplaceLiquidity(_symbol, slot.OrderId, ticks * _tick, quantity);
        if (result.IsSuccess)
        {
            _replaced++;
            Keep(slot, ticks, result.Value);
        }
        else
        {
            Place(slot, side, ticks, quantity);
        }
    }

    private void Place(LiquiditySlot slot, Side side, long ticks, decimal quantity)
    {
        var result = _engine.PlaceLiquidity(_symbol, side, ticks * _tick, quantity);
        _placed++;
        if (result.IsSuccess)
        {
            Keep(slot, ticks, result.Value);
        }
    }

    private static void Keep(LiquiditySlot slot, long ticks, LiquidityOrder order)
    {
        slot.OrderId = order.OrderId;
        slot.Ticks = ticks;

        // Zero when a user order on the other side took it all: the next rebuild renews the slot.
        slot.Quantity = order.Resting;
    }

    private decimal LevelQuantity(long ticks) => Quantity(_options.MinLevelQuantity, _options.MaxLevelQuantity, ticks);

    private decimal TradeQuantity(long ticks) => Quantity(_options.MinTradeQuantity, _options.MaxTradeQuantity, ticks);

    /// <summary>Log-uniform in [min, max], on the step grid, at least the lot minimum and the minimum notional.</summary>
    private decimal Quantity(decimal min, decimal max, long ticks)
    {
        var low = (double)min;
        var value = low * Math.Exp(_random.NextDouble() * Math.Log((double)max / low));
        var quantity = Math.Floor((decimal)value / _step) * _step;
        var price = ticks * _tick;
        var floor = Math.Max(_lotMin, Math.Ceiling(_minNotional / price / _step) * _step);
        return Math.Max(quantity, Math.Max(floor, _step));
    }

    private double Gaussian()
    {
        // Box-Muller; one draw per call keeps the sequence simple to reason about.
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
