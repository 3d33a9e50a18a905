using RxTrader.Core;

namespace RxTrader.Host.Simulator;

/// <summary>What the <c>sim</c> verb runs.</summary>
/// <param name="Port">The loopback port, 0 for any free one.</param>
/// <param name="Seed">The seed of the synthetic market.</param>
/// <param name="Symbols">The traded symbols, a subset of the simulator's.</param>
/// <param name="Duration">How long to run, or <see langword="null"/> until Ctrl+C / SIGTERM.</param>
internal sealed record SimSettings(int Port, int Seed, IReadOnlyList<Symbol> Symbols, TimeSpan? Duration);
