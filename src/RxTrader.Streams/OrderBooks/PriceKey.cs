using System.Runtime.CompilerServices;

namespace RxTrader.Streams.OrderBooks;

/// <summary>
/// Converts a decimal price to an exact fixed-point <see cref="Int128"/> (units of 10^-18) that orders like the
/// price: comparing two of these is a couple of integer compares, where comparing decimals costs a call and a scale
/// alignment. The book searches on these keys and keeps the decimals for output.
/// </summary>
internal static class PriceKey
{
    /// <summary>The fixed number of decimal places of a key.</summary>
    public const int Scale = 18;

    private static readonly ulong[] SmallFactors = CreateSmallFactors();

    /// <summary>Converts a price; fails for prices with more than 18 significant decimal places or above ~1.7e20.</summary>
    /// <param name="price">The price.</param>
    /// <param name="key">The key, negative for a negative price.</param>
    /// <returns>Whether the price has an exact key.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryCreate(decimal price, out Int128 key)
    {
        var bits = new DecimalBits();
        decimal.GetBits(price, bits);
        var scale = (bits[3] >> 16) & 0xFF;
        if (bits[2] != 0 || scale > Scale)
        {
            return TryCreateWide(bits, out key);
        }

        // The usual case (a 64-bit mantissa, e.g. any price below 1.8e11 with 8 decimals): one widening multiply.
        var low64 = (ulong)(uint)bits[0] | ((ulong)(uint)bits[1] << 32);
        var high = Math.BigMul(low64, SmallFactors[Scale - scale], out var low);
        var magnitude = new Int128(high, low);
        key = bits[3] < 0 ? -magnitude : magnitude;
        return true;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool TryCreateWide(DecimalBits bits, out Int128 key)
    {
        var scale = (bits[3] >> 16) & 0xFF;
        var mantissa = (UInt128)(uint)bits[0] | ((UInt128)(uint)bits[1] << 32) | ((UInt128)(uint)bits[2] << 64);

        // Trailing zeros beyond 18 places are harmless; anything else there would be rounded, so it is refused.
        while (scale > Scale)
        {
            if (mantissa % 10 != 0)
            {
                key = default;
                return false;
            }

            mantissa /= 10;
            scale--;
        }

        var factor = (UInt128)SmallFactors[Scale - scale];
        if (mantissa > (UInt128)Int128.MaxValue / factor)
        {
            key = default;
            return false;
        }

        var magnitude = (Int128)(mantissa * factor);
        key = bits[3] < 0 ? -magnitude : magnitude;
        return true;
    }

    private static ulong[] CreateSmallFactors()
    {
        var factors = new ulong[Scale + 1];
        factors[0] = 1;
        for (var i = 1; i <= Scale; i++)
        {
            factors[i] = factors[i - 1] * 10;
        }

        return factors;
    }

    /// <summary>The four 32-bit words of a decimal, on the stack without <c>stackalloc</c>.</summary>
    [InlineArray(4)]
    private struct DecimalBits
    {
        private int _word;
    }
}
