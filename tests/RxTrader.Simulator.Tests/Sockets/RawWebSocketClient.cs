using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace RxTrader.Simulator.Tests.Sockets;

/// <summary>A hand-framed WebSocket client over TCP, for what <see cref="System.Net.WebSockets.ClientWebSocket"/> cannot do: unmasked frames, seeing pings, not answering them, bad handshakes.</summary>
internal sealed class RawWebSocketClient : IDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;

    private RawWebSocketClient(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
    }

    /// <summary>The response head (status line and headers) of the handshake.</summary>
    public string ResponseHead { get; private set; } = string.Empty;

    /// <summary>Sends <paramref name="request"/> verbatim and returns the client once the response head has arrived.</summary>
    public static async Task<RawWebSocketClient> SendRequestAsync(Uri uri, string request)
    {
        var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync(uri.Host, uri.Port).WaitAsync(WebSocketTestServer.Limit);
        var client = new RawWebSocketClient(tcp);
        await client._stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await client._stream.ReadAsync(one).AsTask().WaitAsync(WebSocketTestServer.Limit) == 0)
            {
                break;
            }

            head.Append((char)one[0]);
        }

        client.ResponseHead = head.ToString();
        return client;
    }

    /// <summary>Performs a valid handshake and returns the connected client.</summary>
    public static async Task<RawWebSocketClient> ConnectAsync(Uri uri)
    {
        var client = await SendRequestAsync(uri, Request(uri));
        client.ResponseHead.ShouldStartWith("HTTP/1.1 101");
        return client;
    }

    /// <summary>A handshake request; headers can be replaced or removed (null value) through <paramref name="overrides"/>.</summary>
    public static string Request(Uri uri, string method = "GET", params (string Name, string? Value)[] overrides)
    {
        var headers = new List<(string Name, string? Value)>
        {
            ("Host", $"{uri.Host}:{uri.Port}"),
            ("Upgrade", "websocket"),
            ("Connection", "Upgrade"),
            ("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="),
            ("Sec-WebSocket-Version", "13"),
            ("Sec-WebSocket-Extensions", "permessage-deflate; client_max_window_bits"),
        };
        foreach (var (name, value) in overrides)
        {
            headers.RemoveAll(h => h.Name == name);
            if (value is not null)
            {
                headers.Add((name, value));
            }
        }

        var text = new StringBuilder($"{method} {uri.AbsolutePath} HTTP/1.1\r\n");
        foreach (var (name, value) in headers)
        {
            text.Append($"{name}: {value}\r\n");
        }

        return text.Append(method == "POST" ? "Content-Length: 0\r\n\r\n" : "\r\n").ToString();
    }

    /// <summary>Reads the rest of the response (the body of a non-101 answer) until the server closes or the length is reached.</summary>
    public async Task<string> ReadBodyAsync(int length)
    {
        var body = new byte[length];
        var read = 0;
        while (read < length)
        {
            var n = await _stream.ReadAsync(body.AsMemory(read)).AsTask().WaitAsync(WebSocketTestServer.Limit);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return Encoding.UTF8.GetString(body, 0, read);
    }

    /// <summary>Sends one frame; <paramref name="firstByte"/> carries FIN, RSV and the opcode.</summary>
    public async Task SendFrameAsync(byte firstByte, ReadOnlyMemory<byte> payload, bool mask = true)
    {
        var frame = new List<byte> { firstByte };
        var maskBit = mask ? (byte)0x80 : (byte)0;
        if (payload.Length < 126)
        {
            frame.Add((byte)(maskBit | payload.Length));
        }
        else
        {
            frame.Add((byte)(maskBit | 126));
            frame.Add((byte)(payload.Length >> 8));
            frame.Add((byte)payload.Length);
        }

        byte[] key = [0x12, 0x34, 0x56, 0x78];
        if (mask)
        {
            frame.AddRange(key);
        }

        var bytes = payload.ToArray();
        for (var i = 0; i < bytes.Length; i++)
        {
            frame.Add(mask ? (byte)(bytes[i] ^ key[i & 3]) : bytes[i]);
        }

        await _stream.WriteAsync(frame.ToArray());
    }

    /// <summary>Reads one server frame (which must be unmasked); null at end of stream.</summary>
    public async Task<RawFrame?> ReadFrameAsync()
    {
        var head = new byte[2];
        if (!await ReadExactlyAsync(head))
        {
            return null;
        }

        (head[1] & 0x80).ShouldBe(0, "server frames are never masked");
        long length = head[1] & 0x7F;
        if (length == 126)
        {
            var ext = new byte[2];
            await ReadExactlyAsync(ext);
            length = BinaryPrimitives.ReadUInt16BigEndian(ext);
        }
        else if (length == 127)
        {
            var ext = new byte[8];
            await ReadExactlyAsync(ext);
            length = (long)BinaryPrimitives.ReadUInt64BigEndian(ext);
        }

        var payload = new byte[length];
        await ReadExactlyAsync(payload);
        return new RawFrame(head[0], payload);
    }

    public void Dispose()
    {
        _stream.Dispose();
        _tcp.Dispose();
    }

    private async Task<bool> ReadExactlyAsync(byte[] buffer)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await _stream.ReadAsync(buffer.AsMemory(read)).AsTask().WaitAsync(WebSocketTestServer.Limit);
            if (n == 0)
            {
                return false;
            }

            read += n;
        }

        return true;
    }
}

/// <summary>A frame as read by <see cref="RawWebSocketClient"/>.</summary>
internal sealed record RawFrame(byte FirstByte, byte[] Payload)
{
    public int Opcode => FirstByte & 0x0F;

    public bool Fin => (FirstByte & 0x80) != 0;

    public int CloseCode => BinaryPrimitives.ReadUInt16BigEndian(Payload);

    public string Text => Encoding.UTF8.GetString(Payload);
}
