using System.Diagnostics.CodeAnalysis;

namespace RxTrader.Simulator.Matching;

/// <summary>The outcome of an engine call: a value, or the Binance error that refused the request.</summary>
/// <typeparam name="T">The value type.</typeparam>
/// <remarks>Expected refusals are data, never exceptions (errors as data).</remarks>
public readonly record struct ExchangeResult<T>
{
    /// <summary>A successful result.</summary>
    /// <param name="value">The value.</param>
    public ExchangeResult(T value)
    {
        Value = value;
    }

    /// <summary>A refused result.</summary>
    /// <param name="error">The Binance error.</param>
    public ExchangeResult(ExchangeError error)
    {
        Error = error;
    }

    /// <summary>The value when <see cref="IsSuccess"/>; default otherwise.</summary>
    public T? Value { get; }

    /// <summary>The error when not <see cref="IsSuccess"/>.</summary>
    public ExchangeError? Error { get; }

    /// <summary>Whether the request succeeded and <see cref="Value"/> holds its value.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;
}
