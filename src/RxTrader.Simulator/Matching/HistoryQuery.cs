namespace RxTrader.Simulator.Matching;

/// <summary>Paging of <c>allOrders</c> and <c>myTrades</c>.</summary>
/// <remarks>Without <see cref="FromId"/> the most recent <see cref="Limit"/> items are returned; results ascend by id.</remarks>
public sealed record HistoryQuery
{
    /// <summary>The default page size (Binance: 500).</summary>
    public const int DefaultLimit = 500;

    /// <summary>The largest page size (Binance: 1000); larger limits are clamped.</summary>
    public const int MaxLimit = 1000;

    /// <summary>The first id returned (allOrders <c>orderId</c>, myTrades <c>fromId</c>), or null.</summary>
    public long? FromId { get; init; }

    /// <summary>Only items at or after this time, or null.</summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>Only items at or before this time, or null.</summary>
    public DateTimeOffset? EndTime { get; init; }

    /// <summary>The most items returned.</summary>
    /// <value>Default <see cref="DefaultLimit"/>; clamped to 1..<see cref="MaxLimit"/>.</value>
    public int Limit { get; init; } = DefaultLimit;

    /// <summary>Everything, most recent 500.</summary>
    public static HistoryQuery Default { get; } = new();
}
