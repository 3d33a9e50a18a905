using RxTrader.Core;

namespace RxTrader.Strategies;

/// <summary>
/// A strategy's decision: <see cref="Side.Buy"/> means "be long", <see cref="Side.Sell"/> means "be flat". The
/// engine turns it into an order (sized, checked by the risk gate) only when the position is not already there.
/// </summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="Side">The direction.</param>
/// <param name="Time">The data time of the bar that produced it.</param>
/// <param name="Price">The price the strategy saw (the bar's close).</param>
/// <param name="Strategy">The strategy's catalog name.</param>
/// <param name="Reason">Why, in a few words (for example <c>ema(9) crossed above ema(21)</c>).</param>
public sealed record Signal(Symbol Symbol, Side Side, DateTimeOffset Time, decimal Price, string Strategy, string Reason);
