using System.Globalization;
using RxTrader.Simulator.Matching;

namespace RxTrader.Simulator.MarketStreams;

/// <summary>The control-message errors of binance-wire §1.3, with Binance's codes and texts; sent as
/// <c>{"error":{"code":N,"msg":"..."},"id":...}</c>.</summary>
internal static class ControlErrors
{
    public static readonly ExchangeError UnknownProperty = new(0, "Unknown property");
    public static readonly ExchangeError ExpectedBoolean = new(1, "Invalid value type: expected Boolean");
    public static readonly ExchangeError PropertyNameNotString = new(2, "Invalid request: property name must be a string");
    public static readonly ExchangeError BadId = new(2, "Invalid request: request ID must be an unsigned integer");
    public static readonly ExchangeError TooManyParameters = new(2, "Invalid request: too many parameters");
    public static readonly ExchangeError InvalidStream = new(2, "Invalid request: invalid stream");

    /// <summary>Not documented by Binance (its text is the simulator's): a <c>SUBSCRIBE</c> beyond the per-connection stream limit.</summary>
    public static readonly ExchangeError TooManyStreams = new(2, "Invalid request: too many streams");

    /// <summary>Not documented by Binance: <c>method</c> or <c>params</c> of the wrong JSON type, or a message that is not an object.</summary>
    public static readonly ExchangeError InvalidRequest = new(2, "Invalid request: expected an object with a string `method` and an array `params`");

    public static ExchangeError UnknownMethod(string method, long column) => new(2, string.Create(CultureInfo.InvariantCulture,
        $"Invalid request: unknown variant `{method}`, expected one of `SUBSCRIBE`, `UNSUBSCRIBE`, `LIST_SUBSCRIPTIONS`, `SET_PROPERTY`, `GET_PROPERTY` at line 1 column {column}"));

    public static ExchangeError MissingMethod(long column) => new(2, string.Create(CultureInfo.InvariantCulture,
        $"Invalid request: missing field `method` at line 1 column {column}"));

    public static ExchangeError InvalidJson(long line, long column) => new(3, string.Create(CultureInfo.InvariantCulture,
        $"Invalid JSON: expected value at line {line} column {column}"));
}
