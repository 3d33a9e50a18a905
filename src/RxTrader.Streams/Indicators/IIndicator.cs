namespace RxTrader.Streams.Indicators;

/// <summary>The common shape of an indicator calculator: a value that becomes defined after a warm-up.</summary>
/// <typeparam name="TValue">The indicator value.</typeparam>
/// <remarks>
/// Calculators are pure, single-threaded state machines: no Rx, no clock, no allocation per update. Inputs are
/// <see cref="double"/> (converted once from the domain's <see cref="decimal"/> at the operator boundary).
/// </remarks>
public interface IIndicator<out TValue>
{
    /// <summary>The latest value; <c>default</c> while <see cref="IsReady"/> is false.</summary>
    TValue Current { get; }

    /// <summary>Whether <see cref="Current"/> holds a value, i.e. the warm-up is over.</summary>
    bool IsReady { get; }

    /// <summary>The number of inputs needed before the first value (the warm-up), counted from the start or the last <see cref="Reset"/>.</summary>
    int WarmUpPeriod { get; }

    /// <summary>Forgets every input: the calculator is as freshly constructed.</summary>
    void Reset();
}
