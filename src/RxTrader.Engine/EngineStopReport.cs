namespace RxTrader.Engine;

/// <summary>What a graceful stop did.</summary>
/// <param name="InFlightCompleted">Whether every order submission in flight completed before the timeout.</param>
/// <param name="CancelRequested">Open orders the engine asked the venue to cancel.</param>
/// <param name="Cancelled">Cancels the venue accepted.</param>
/// <param name="OpenOrdersLeft">Orders still open at the venue (as far as the engine knows) when it stopped.</param>
public sealed record EngineStopReport(bool InFlightCompleted, int CancelRequested, int Cancelled, int OpenOrdersLeft);
