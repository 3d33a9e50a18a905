namespace RxTrader.Testing.Prometheus;

/// <summary>One element of a PromQL instant-query result: its labels (including <c>__name__</c> when kept), the
/// evaluation time and the value (<c>NaN</c>, <c>+Inf</c>, <c>-Inf</c> parsed as such).</summary>
/// <param name="Labels">The series' labels.</param>
/// <param name="Time">The evaluation time.</param>
/// <param name="Value">The value.</param>
public sealed record PrometheusSample(IReadOnlyDictionary<string, string> Labels, DateTimeOffset Time, double Value);
