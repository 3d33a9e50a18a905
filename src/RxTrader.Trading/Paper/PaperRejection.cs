using RxTrader.Core.Orders;

namespace RxTrader.Trading.Paper;

/// <summary>A refusal with Binance's code and message text.</summary>
internal readonly record struct PaperRejection(int Code, string Message)
{
    /// <summary><c>-1102</c>: the request is malformed (Binance's code for a missing or malformed parameter).</summary>
    public const int MalformedRequest = -1102;

    public static PaperRejection Malformed(string reason) => new(MalformedRequest, "Malformed order request: " + reason);

    public static PaperRejection InvalidSymbol { get; } = new(VenueErrorCodes.InvalidSymbol, "Invalid symbol.");

    public static PaperRejection MarketClosed { get; } = new(VenueErrorCodes.FilterFailure, "Market is closed.");

    public static PaperRejection PriceQtyZeroOrLess { get; } = new(VenueErrorCodes.FilterFailure, "Price * QTY is zero or less.");

    public static PaperRejection DuplicateOrder { get; } = new(VenueErrorCodes.NewOrderRejected, "Duplicate order sent.");

    public static PaperRejection InsufficientBalance { get; } =
        new(VenueErrorCodes.NewOrderRejected, "Account has insufficient balance for requested action.");

    public static PaperRejection WouldMatchAndTake { get; } =
        new(VenueErrorCodes.NewOrderRejected, "Order would immediately match and take.");

    public static PaperRejection UnknownOrder { get; } = new(VenueErrorCodes.CancelRejected, "Unknown order sent.");

    public static PaperRejection OrderDoesNotExist { get; } = new(VenueErrorCodes.NoSuchOrder, "Order does not exist.");

    public static PaperRejection FilterFailure(string filter) => new(VenueErrorCodes.FilterFailure, "Filter failure: " + filter);

    public static PaperRejection LiquidityBelowMinimum(string filter) =>
        new(VenueErrorCodes.NewOrderRejected, $"Order book liquidity is less than {filter} filter minimum quantity.");

    public static PaperRejection NoLiquidity { get; } =
        new(VenueErrorCodes.NewOrderRejected, "Order book liquidity is less than symbol minimum quantity.");

    public VenueOutcome<T> As<T>() => new VenueOutcome<T>.Rejected(Code, Message);
}
