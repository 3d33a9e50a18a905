namespace RxTrader.Host.Bench;

/// <summary>One target and whether the run met it.</summary>
/// <param name="Name">What is measured.</param>
/// <param name="Target">The target, in words (for example <c>&lt;= 50 us</c>).</param>
/// <param name="Measured">The measured value, in <paramref name="Unit"/>.</param>
/// <param name="Unit">The unit.</param>
/// <param name="Met">Whether the target is met.</param>
/// <param name="Note">What qualifies the number (drops), or <see langword="null"/>.</param>
internal sealed record BenchTarget(string Name, string Target, double Measured, string Unit, bool Met, string? Note);
