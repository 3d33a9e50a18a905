using RxTrader.Core;

namespace RxTrader.Trading.Risk;

/// <summary>The limits a <see cref="RiskGate"/> enforces. Every limit is off (<see langword="null"/>) unless set.</summary>
/// <remarks>Values are validated when set: a negative amount or count, a non-positive rate or a drawdown outside
/// (0, 1] throws <see cref="ArgumentOutOfRangeException"/>. A limit of 0 is allowed and lets nothing through.</remarks>
public sealed record RiskLimits
{
    /// <summary>The largest absolute position per symbol, in base units, counting open orders of the same side.</summary>
    /// <value>Default <see langword="null"/>: off. <see cref="MaxPositionBySymbol"/> overrides it per symbol.</value>
    public decimal? MaxPosition
    {
        get;
        init => field = NonNegative(value);
    }

    /// <summary>Per-symbol position limits, in base units, taking precedence over <see cref="MaxPosition"/>.</summary>
    /// <value>Default empty.</value>
    public IReadOnlyDictionary<Symbol, decimal> MaxPositionBySymbol
    {
        get;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            foreach (var limit in value.Values)
            {
                ArgumentOutOfRangeException.ThrowIfNegative(limit, nameof(MaxPositionBySymbol));
            }

            field = value;
        }
    } = new Dictionary<Symbol, decimal>();

    /// <summary>The largest value of one order, in the quote asset.</summary>
    /// <value>Default <see langword="null"/>: off.</value>
    public decimal? MaxOrderNotional
    {
        get;
        init => field = NonNegative(value);
    }

    /// <summary>The largest value of all open orders plus the new one, in the quote asset.</summary>
    /// <value>Default <see langword="null"/>: off.</value>
    public decimal? MaxOpenNotional
    {
        get;
        init => field = NonNegative(value);
    }

    /// <summary>The most open orders over all symbols, the new one included.</summary>
    /// <value>Default <see langword="null"/>: off.</value>
    public int? MaxOpenOrders
    {
        get;
        init => field = NonNegative(value);
    }

    /// <summary>The most open orders of one symbol, the new one included.</summary>
    /// <value>Default <see langword="null"/>: off.</value>
    public int? MaxOpenOrdersPerSymbol
    {
        get;
        init => field = NonNegative(value);
    }

    /// <summary>The sustained order rate, per second, of a token bucket that holds one second's worth (so a burst of
    /// this many orders passes, then one every 1/rate s). At most 1,000,000.</summary>
    /// <value>Default <see langword="null"/>: off.</value>
    public int? MaxOrdersPerSecond
    {
        get;
        init
        {
            if (value is { } rate)
            {
                ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rate, nameof(MaxOrdersPerSecond));
                ArgumentOutOfRangeException.ThrowIfGreaterThan(rate, 1_000_000, nameof(MaxOrdersPerSecond));
            }

            field = value;
        }
    }

    /// <summary>The exchange's order-count limits (from <c>exchangeInfo</c> <c>rateLimits</c> of type <c>ORDERS</c>).</summary>
    /// <value>Default empty: off.</value>
    public IReadOnlyList<ExchangeOrderLimit> ExchangeOrderLimits
    {
        get;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            foreach (var limit in value)
            {
                // default(ExchangeOrderLimit) skips its constructor's checks.
                ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(limit.Interval, TimeSpan.Zero, nameof(ExchangeOrderLimits));
                ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit.Limit, nameof(ExchangeOrderLimits));
            }

            field = value;
        }
    } = [];

    /// <summary>The largest fall of equity from its peak, as a fraction of the peak (0.1 = 10 %), before the kill
    /// switch trips to <see cref="KillSwitchMode"/>. In (0, 1].</summary>
    /// <value>Default <see langword="null"/>: off.</value>
    public decimal? MaxDrawdown
    {
        get;
        init
        {
            if (value is { } fraction && (fraction <= 0m || fraction > 1m))
            {
                throw new ArgumentOutOfRangeException(nameof(MaxDrawdown), fraction, "A drawdown is a fraction in (0, 1].");
            }

            field = value;
        }
    }

    /// <summary>The largest fall of equity from the start of the UTC day, in the quote asset, before the kill switch
    /// trips to <see cref="KillSwitchMode"/>.</summary>
    /// <value>Default <see langword="null"/>: off.</value>
    public decimal? MaxDailyLoss
    {
        get;
        init => field = NonNegative(value);
    }

    /// <summary>The mode a drawdown or daily-loss trip moves to: <see cref="TradingMode.Halted"/> or
    /// <see cref="TradingMode.Reducing"/>.</summary>
    /// <value>Default <see cref="TradingMode.Halted"/>.</value>
    public TradingMode KillSwitchMode
    {
        get;
        init
        {
            if (value is not (TradingMode.Halted or TradingMode.Reducing))
            {
                throw new ArgumentOutOfRangeException(nameof(KillSwitchMode), value, "The kill switch trips to Halted or Reducing.");
            }

            field = value;
        }
    } = TradingMode.Halted;

    /// <summary>Whether a daily-loss trip is lifted (back to <see cref="TradingMode.Active"/>) when the next UTC day begins.</summary>
    /// <value>Default <see langword="false"/>: every trip stays until set back by hand.</value>
    public bool ResumeOnNewDay { get; init; }

    /// <summary>The limit of position for <paramref name="symbol"/>: its override, else <see cref="MaxPosition"/>.</summary>
    /// <param name="symbol">The symbol.</param>
    /// <returns>The limit, or <see langword="null"/> when off.</returns>
    public decimal? MaxPositionOf(Symbol symbol) =>
        MaxPositionBySymbol.Count != 0 && MaxPositionBySymbol.TryGetValue(symbol, out var limit) ? limit : MaxPosition;

    private static T? NonNegative<T>(T? value)
        where T : struct, System.Numerics.INumber<T>
    {
        if (value is { } v && T.IsNegative(v))
        {
            throw new ArgumentOutOfRangeException(nameof(value), v, "A limit cannot be negative.");
        }

        return value;
    }
}
