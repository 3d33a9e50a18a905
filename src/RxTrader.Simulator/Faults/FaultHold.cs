namespace RxTrader.Simulator.Faults;

/// <summary>An order response withheld by a timeout fault: answered with 503 <c>-1007</c> after
/// <paramref name="AnswerAfter"/>, or never (until the client gives up or the injector is reset) when null.</summary>
internal sealed record FaultHold(TimeSpan? AnswerAfter);
