using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;

namespace RxTrader.Benchmarks;

/// <summary>
/// A minimal loopback WebSocket server for the feed ingest benchmark: accepts one connection (hand-written
/// HTTP upgrade over a <see cref="TcpListener"/>, so the benchmark needs no web framework) and sends a
/// pre-encoded frame as fast as the socket takes it whenever <see cref="BlastAsync"/> is called.
/// </summary>
internal sealed class BlastWebSocketServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly TaskCompletionSource<WebSocket> _accepted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public BlastWebSocketServer()
    {
        _listener.Start();
        _ = AcceptAsync();
    }

    public Uri BaseUri => new($"ws://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    /// <summary>Sends <paramref name="frame"/> <paramref name="count"/> times on the accepted connection.</summary>
    public async Task BlastAsync(byte[] frame, int count)
    {
        var socket = await _accepted.Task.ConfigureAwait(false);
        for (var i = 0; i < count; i++)
        {
            await socket.SendAsync(frame, WebSocketMessageType.Text, true, CancellationToken.None).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        if (_accepted.Task.IsCompletedSuccessfully)
        {
            _accepted.Task.Result.Abort();
        }

        _listener.Stop();
    }

    private async Task AcceptAsync()
    {
        var client = await _listener.AcceptTcpClientAsync().ConfigureAwait(false);
        client.NoDelay = true;
        var stream = client.GetStream();
        var request = new StringBuilder();
        var buffer = new byte[1];
        while (!request.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            _ = await stream.ReadAsync(buffer).ConfigureAwait(false);
            request.Append((char)buffer[0]);
        }

        var key = request.ToString().Split("\r\n")
            .First(line => line.StartsWith("Sec-WebSocket-Key:", StringComparison.OrdinalIgnoreCase))
            .Split(':', 2)[1].Trim();
#pragma warning disable CA5350 // RFC 6455 defines the handshake with SHA-1; nothing here is secret.
        var accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
#pragma warning restore CA5350
        var response = $"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {accept}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(response)).ConfigureAwait(false);
        _accepted.SetResult(WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = true }));
    }
}
