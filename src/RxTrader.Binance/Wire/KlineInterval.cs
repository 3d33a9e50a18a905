namespace RxTrader.Binance.Wire;

/// <summary>The kline intervals Binance streams (<c>&lt;symbol&gt;@kline_&lt;code&gt;</c>).</summary>
/// <remarks><see cref="KlineIntervals"/> converts to and from the wire codes (<c>1s</c> … <c>1M</c>).</remarks>
public enum KlineInterval
{
    /// <summary><c>1s</c>.</summary>
    OneSecond = 1,

    /// <summary><c>1m</c>.</summary>
    OneMinute,

    /// <summary><c>3m</c>.</summary>
    ThreeMinutes,

    /// <summary><c>5m</c>.</summary>
    FiveMinutes,

    /// <summary><c>15m</c>.</summary>
    FifteenMinutes,

    /// <summary><c>30m</c>.</summary>
    ThirtyMinutes,

    /// <summary><c>1h</c>.</summary>
    OneHour,

    /// <summary><c>2h</c>.</summary>
    TwoHours,

    /// <summary><c>4h</c>.</summary>
    FourHours,

    /// <summary><c>6h</c>.</summary>
    SixHours,

    /// <summary><c>8h</c>.</summary>
    EightHours,

    /// <summary><c>12h</c>.</summary>
    TwelveHours,

    /// <summary><c>1d</c>.</summary>
    OneDay,

    /// <summary><c>3d</c>.</summary>
    ThreeDays,

    /// <summary><c>1w</c>.</summary>
    OneWeek,

    /// <summary><c>1M</c>: one calendar month, of variable length.</summary>
    OneMonth,
}
