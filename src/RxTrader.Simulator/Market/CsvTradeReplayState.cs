namespace RxTrader.Simulator.Market;

/// <summary>The progress of a <see cref="CsvTradeReplay"/>.</summary>
/// <param name="Replayed">Lines replayed as trades.</param>
/// <param name="Skipped">Lines skipped as malformed (a header is not counted).</param>
/// <param name="Completed">Whether the file is exhausted.</param>
public sealed record CsvTradeReplayState(long Replayed, long Skipped, bool Completed);
