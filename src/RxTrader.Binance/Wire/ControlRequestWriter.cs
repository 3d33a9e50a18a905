using System.Buffers;
using System.Text.Json;

namespace RxTrader.Binance.Wire;

/// <summary>Writes market-stream control requests, e.g. <c>{"method":"SUBSCRIBE","params":["btcusdt@trade"],"id":1}</c>.</summary>
/// <remarks>
/// The reply echoes <c>id</c>; <see cref="BinanceFrameDecoder"/> reads it as a <see cref="ControlReply"/>.
/// <see cref="ControlMethod.ListSubscriptions"/> takes no streams and writes no <c>params</c>.
/// </remarks>
public static class ControlRequestWriter
{
    /// <summary>Writes a request for typed stream names to <paramref name="output"/> as UTF-8 JSON.</summary>
    /// <param name="output">Where the JSON goes.</param>
    /// <param name="method">The request.</param>
    /// <param name="streams">The streams; at least one for subscribe/unsubscribe, none for list.</param>
    /// <param name="id">The request id the reply echoes.</param>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> is null.</exception>
    /// <exception cref="ArgumentException">The stream count does not fit <paramref name="method"/>.</exception>
    public static void Write(IBufferWriter<byte> output, ControlMethod method, ReadOnlySpan<StreamName> streams, long id)
    {
        ArgumentNullException.ThrowIfNull(output);
        CheckStreamCount(method, streams.Length);
        using var json = new Utf8JsonWriter(output);
        WriteStart(json, method);
        if (method != ControlMethod.ListSubscriptions)
        {
            json.WriteStartArray("params");
            foreach (var stream in streams)
            {
                json.WriteStringValue(stream.ToString());
            }

            json.WriteEndArray();
        }

        json.WriteNumber("id", id);
        json.WriteEndObject();
    }

    /// <summary>Writes a request for raw stream names (as a client would send them) to <paramref name="output"/>.</summary>
    /// <param name="output">Where the JSON goes.</param>
    /// <param name="method">The request.</param>
    /// <param name="streams">The stream names; at least one for subscribe/unsubscribe, none for list.</param>
    /// <param name="id">The request id the reply echoes.</param>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> or a stream name is null.</exception>
    /// <exception cref="ArgumentException">The stream count does not fit <paramref name="method"/>.</exception>
    public static void Write(IBufferWriter<byte> output, ControlMethod method, ReadOnlySpan<string> streams, long id)
    {
        ArgumentNullException.ThrowIfNull(output);
        CheckStreamCount(method, streams.Length);
        foreach (var stream in streams)
        {
            ArgumentNullException.ThrowIfNull(stream, nameof(streams));
        }

        using var json = new Utf8JsonWriter(output);
        WriteStart(json, method);
        if (method != ControlMethod.ListSubscriptions)
        {
            json.WriteStartArray("params");
            foreach (var stream in streams)
            {
                json.WriteStringValue(stream);
            }

            json.WriteEndArray();
        }

        json.WriteNumber("id", id);
        json.WriteEndObject();
    }

    /// <summary>The request as a UTF-8 JSON byte array, ready for a WebSocket text frame.</summary>
    /// <param name="method">The request.</param>
    /// <param name="streams">The streams; at least one for subscribe/unsubscribe, none for list.</param>
    /// <param name="id">The request id the reply echoes.</param>
    /// <exception cref="ArgumentException">The stream count does not fit <paramref name="method"/>.</exception>
    public static byte[] ToUtf8(ControlMethod method, ReadOnlySpan<StreamName> streams, long id)
    {
        var output = new ArrayBufferWriter<byte>(64);
        Write(output, method, streams, id);
        return output.WrittenSpan.ToArray();
    }

    private static void WriteStart(Utf8JsonWriter json, ControlMethod method)
    {
        json.WriteStartObject();
        json.WriteString("method", method switch
        {
            ControlMethod.Subscribe => "SUBSCRIBE",
            ControlMethod.Unsubscribe => "UNSUBSCRIBE",
            _ => "LIST_SUBSCRIPTIONS",
        });
    }

    private static void CheckStreamCount(ControlMethod method, int count)
    {
        var ok = method switch
        {
            ControlMethod.Subscribe or ControlMethod.Unsubscribe => count > 0,
            ControlMethod.ListSubscriptions => count == 0,
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown control method."),
        };
        if (!ok)
        {
            throw new ArgumentException($"{method} does not take {count} stream(s).", nameof(method));
        }
    }
}
