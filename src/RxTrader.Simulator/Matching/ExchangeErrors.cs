namespace RxTrader.Simulator.Matching;

/// <summary>The Binance errors the engine produces, with Binance's exact codes and message texts.</summary>
public static class ExchangeErrors
{
    /// <summary>The legal range Binance quotes for client order ids.</summary>
    public const string ClientOrderIdPattern = "^[a-zA-Z0-9-_]{1,36}$";

    /// <summary><c>-1013</c> "Filter failure: NAME".</summary>
    /// <param name="filterType">The filter type, e.g. <c>LOT_SIZE</c>.</param>
    public static ExchangeError FilterFailure(string filterType) => new(-1013, "Filter failure: " + filterType);

    /// <summary><c>-1013</c> "Market is closed." (symbol not TRADING; the code is the one ccxt documents).</summary>
    public static ExchangeError MarketClosed { get; } = new(-1013, "Market is closed.");

    /// <summary><c>-1013</c> "Price * QTY is zero or less.".</summary>
    public static ExchangeError PriceQtyZeroOrLess { get; } = new(-1013, "Price * QTY is zero or less.");

    /// <summary><c>-1100</c> illegal characters in a parameter.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="range">The legal range (a regular expression).</param>
    public static ExchangeError IllegalChars(string name, string range) =>
        new(-1100, $"Illegal characters found in parameter '{name}'; legal range is '{range}'.");

    /// <summary><c>-1102</c> a mandatory parameter is missing.</summary>
    /// <param name="name">The parameter name.</param>
    public static ExchangeError MandatoryParameter(string name) =>
        new(-1102, $"Mandatory parameter '{name}' was not sent, was empty/null, or malformed.");

    /// <summary><c>-1102</c> one of two parameters must be sent.</summary>
    /// <param name="first">The first parameter name.</param>
    /// <param name="second">The second parameter name.</param>
    public static ExchangeError EitherParameter(string first, string second) =>
        new(-1102, $"Param '{first}' or '{second}' must be sent, but both were empty/null!");

    /// <summary><c>-1106</c> a parameter was sent where it does not apply.</summary>
    /// <param name="name">The parameter name.</param>
    public static ExchangeError ParameterNotRequired(string name) => new(-1106, $"Parameter '{name}' sent when not required.");

    /// <summary><c>-1121</c> "Invalid symbol.".</summary>
    public static ExchangeError InvalidSymbol { get; } = new(-1121, "Invalid symbol.");

    /// <summary><c>-2010</c> "Duplicate order sent.".</summary>
    public static ExchangeError DuplicateOrder { get; } = new(-2010, "Duplicate order sent.");

    /// <summary><c>-2010</c> "Account has insufficient balance for requested action.".</summary>
    public static ExchangeError InsufficientBalance { get; } =
        new(-2010, "Account has insufficient balance for requested action.");

    /// <summary><c>-2010</c> "Order would immediately match and take." (LIMIT_MAKER that would cross).</summary>
    public static ExchangeError WouldMatchAndTake { get; } = new(-2010, "Order would immediately match and take.");

    /// <summary><c>-2010</c> "Quote order qty market orders are not support for this symbol." (sic).</summary>
    public static ExchangeError QuoteOrderQtyNotSupported { get; } =
        new(-2010, "Quote order qty market orders are not support for this symbol.");

    /// <summary><c>-2010</c> "X orders are not supported for this symbol." for a type the symbol does not allow.</summary>
    /// <param name="type">The refused order type.</param>
    public static ExchangeError OrderTypeNotSupported(OrderType type) => new(-2010, type switch
    {
        OrderType.Market => "Market orders are not supported for this symbol.",
        OrderType.StopLoss => "Stop loss orders are not supported for this symbol.",
        OrderType.StopLossLimit => "Stop loss limit orders are not supported for this symbol.",
        OrderType.TakeProfit => "Take profit orders are not supported for this symbol.",
        OrderType.TakeProfitLimit => "Take profit limit orders are not supported for this symbol.",
        OrderType.LimitMaker => "Limit maker orders are not supported for this symbol.",
        _ => "Limit orders are not supported for this symbol.",
    });

    /// <summary><c>-2010</c> thin book for a quote-quantity MARKET order.</summary>
    /// <param name="filterType">The filter whose minimum the book cannot reach.</param>
    public static ExchangeError LiquidityBelowMinimum(string filterType) =>
        new(-2010, $"Order book liquidity is less than {filterType} filter minimum quantity.");

    /// <summary><c>-2011</c> "Unknown order sent." (cancel of an unknown or final order).</summary>
    public static ExchangeError UnknownOrder { get; } = new(-2011, "Unknown order sent.");

    /// <summary><c>-2011</c> "Order was not canceled due to cancel restrictions.".</summary>
    public static ExchangeError CancelRestricted { get; } = new(-2011, "Order was not canceled due to cancel restrictions.");

    /// <summary><c>-2013</c> "Order does not exist." (query of an unknown order).</summary>
    public static ExchangeError OrderDoesNotExist { get; } = new(-2013, "Order does not exist.");

    /// <summary><c>-2015</c> "Invalid API-key, IP, or permissions for action." (unknown account).</summary>
    public static ExchangeError InvalidApiKey { get; } = new(-2015, "Invalid API-key, IP, or permissions for action.");
}
