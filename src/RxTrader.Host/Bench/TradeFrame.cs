using System.Globalization;
using System.Text;
using RxTrader.Core;

namespace RxTrader.Host.Bench;

/// <summary>
/// One symbol's combined-stream <c>trade</c> frame as a server sends it (an unmasked RFC 6455 text frame around
/// the Binance payload), with the positions of the trade id and the two times, which are patched in place: every
/// frame of a run has the same length, so sending one is a copy and three 13-digit writes.
/// </summary>
internal sealed class TradeFrame
{
    private const string Placeholder = "1000000000000";
    private readonly byte[] _template;
    private readonly int _eventTime;
    private readonly int _tradeId;
    private readonly int _tradeTime;

    public TradeFrame(Symbol symbol, decimal price)
    {
        var stream = symbol.Value.ToLowerInvariant();
        var payload = string.Create(
            CultureInfo.InvariantCulture,
            $$$"""{"stream":"{{{stream}}}@trade","data":{"e":"trade","E":{{{Placeholder}}},"s":"{{{symbol.Value}}}","t":{{{Placeholder}}},"p":"{{{price:0.00000000}}}","q":"0.00100000","T":{{{Placeholder}}},"m":true,"M":true}}""");
        var body = Encoding.UTF8.GetBytes(payload);
        if (body.Length is < 126 or > ushort.MaxValue)
        {
            throw new InvalidOperationException("A trade frame's payload is expected to need the 16-bit length form.");
        }

        _template = new byte[4 + body.Length];
        _template[0] = 0x81; // FIN + text
        _template[1] = 126;  // 16-bit length follows; a server's frames are not masked
        _template[2] = (byte)(body.Length >> 8);
        _template[3] = (byte)body.Length;
        body.CopyTo(_template, 4);
        _eventTime = 4 + payload.IndexOf("\"E\":", StringComparison.Ordinal) + 4;
        _tradeId = 4 + payload.IndexOf("\"t\":", StringComparison.Ordinal) + 4;
        _tradeTime = 4 + payload.IndexOf("\"T\":", StringComparison.Ordinal) + 4;
    }

    /// <summary>The frame's length in bytes.</summary>
    public int Length => _template.Length;

    /// <summary>Writes the frame of trade <paramref name="tradeId"/> at <paramref name="unixMilliseconds"/> into <paramref name="destination"/>.</summary>
    /// <returns>The bytes written.</returns>
    public int WriteTo(Span<byte> destination, long tradeId, long unixMilliseconds)
    {
        _template.CopyTo(destination);
        WriteDigits(destination.Slice(_eventTime, Placeholder.Length), unixMilliseconds);
        WriteDigits(destination.Slice(_tradeId, Placeholder.Length), tradeId);
        WriteDigits(destination.Slice(_tradeTime, Placeholder.Length), unixMilliseconds);
        return _template.Length;
    }

    private static void WriteDigits(Span<byte> field, long value)
    {
        for (var i = field.Length - 1; i >= 0; i--)
        {
            field[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }
}
