namespace RxTrader.Trading.Risk;

/// <summary>Rounds prices or quantities of one symbol onto one exchange step, in exact decimal arithmetic. Built once
/// per symbol so that the common case costs no division.</summary>
/// <remarks>
/// <para>Exchange steps are almost always powers of ten (0.01, 0.00001, 1): rounding onto 10^-d is cutting to
/// <c>d</c> decimals, and a value with at most <c>d</c> decimals is already on the step, which <see cref="decimal.Scale"/>
/// tells without arithmetic. A step of 0 (no step rule) cuts to the asset's precision the same way. Other steps
/// (0.5, 10, 0.025) divide: floor or ceiling of value / step, times step, corrected by one step when the quotient was
/// rounded in the wrong direction at 28 digits.</para>
/// <para>A value already on the step is returned as is, so an order on the grid needs no copy. A value too large to
/// divide by a small step throws <see cref="OverflowException"/>; the gate turns that into a rejection.</para>
/// </remarks>
internal readonly struct StepRounding
{
    private static readonly decimal[] NegativePowersOfTen = [.. Enumerable.Range(0, 29).Select(static d => new decimal(1, 0, 0, false, (byte)d))];

    private readonly decimal _step;

    // >= 0: rounding to this many decimals is exact; -1: a general step that needs division.
    private readonly int _decimals;

    private StepRounding(decimal step, int decimals)
    {
        _step = step;
        _decimals = decimals;
    }

    /// <summary>The rounding onto <paramref name="step"/>, or to <paramref name="precision"/> decimals when the step is 0.</summary>
    public static StepRounding For(decimal step, int precision)
    {
        if (step <= 0m)
        {
            // exchangeInfo precisions are 0..8 in practice; decimal.Round takes 0..28.
            return new(0m, Math.Clamp(precision, 0, 28));
        }

        var power = Array.IndexOf(NegativePowersOfTen, step);
        return new(step, power);
    }

    /// <summary>The largest value on the step that is not above <paramref name="value"/>.</summary>
    public decimal Down(decimal value)
    {
        if (_decimals >= 0)
        {
            return value.Scale <= _decimals ? value : decimal.Round(value, _decimals, MidpointRounding.ToNegativeInfinity);
        }

        var rounded = decimal.Floor(value / _step) * _step;
        if (rounded > value)
        {
            rounded -= _step;
        }

        return rounded == value ? value : rounded;
    }

    /// <summary>The smallest value on the step that is not below <paramref name="value"/>.</summary>
    public decimal Up(decimal value)
    {
        if (_decimals >= 0)
        {
            return value.Scale <= _decimals ? value : decimal.Round(value, _decimals, MidpointRounding.ToPositiveInfinity);
        }

        var rounded = decimal.Ceiling(value / _step) * _step;
        if (rounded < value)
        {
            rounded += _step;
        }

        return rounded == value ? value : rounded;
    }
}
