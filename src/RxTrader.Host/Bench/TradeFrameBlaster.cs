using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using RxTrader.Core;

namespace RxTrader.Host.Bench;

/// <summary>
/// The market side of the bench: a loopback WebSocket server speaking Binance's combined-stream format. It accepts
/// one connection (the engine's <c>BinanceMarketFeed</c>; hand-written upgrade over a <see cref="TcpListener"/>),
/// then writes <c>trade</c> frames of the symbols in turn, numbering trades from <see cref="SendTimes.FirstTradeId"/>
/// and recording when each frame was written.
/// </summary>
internal sealed class TradeFrameBlaster : IDisposable
{
    private const int BatchFrames = 64;
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly TaskCompletionSource<TcpClient> _accepted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TradeFrame[] _frames;
    private readonly SendTimes _sendTimes;
    private readonly TimeProvider _time;
    private readonly byte[] _buffer;
    private long _next = SendTimes.FirstTradeId;
    private long _sent;

    /// <param name="symbols">The symbols, each with the price its trades carry.</param>
    /// <param name="sendTimes">Where write times go.</param>
    /// <param name="time">The clock.</param>
    public TradeFrameBlaster(IReadOnlyList<(Symbol Symbol, decimal Price)> symbols, SendTimes sendTimes, TimeProvider time)
    {
        _frames = [.. symbols.Select(static s => new TradeFrame(s.Symbol, s.Price))];
        _buffer = new byte[BatchFrames * _frames.Max(static f => f.Length)];
        _sendTimes = sendTimes;
        _time = time;
        _listener.Start();
        _ = AcceptAsync();
    }

    /// <summary>The address to give the feed (any path is accepted).</summary>
    public Uri BaseUri => new($"ws://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    /// <summary>Frames written so far.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Completes when the feed has connected and the upgrade is answered.</summary>
    public Task Connected => _accepted.Task;

    /// <summary>Writes frames as fast as the socket takes them, in batches of 64 per write, until <paramref name="stop"/>.</summary>
    public Task BlastAsync(CancellationToken stop) => Task.Factory.StartNew(
        () => Blast(stop), stop, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>
    /// Writes <paramref name="rate"/> frames per second until <paramref name="stop"/>: every millisecond (the timer's
    /// resolution) the frames that are due, one frame per socket write.
    /// </summary>
    public async Task PaceAsync(int rate, CancellationToken stop)
    {
        var stream = (await _accepted.Task.ConfigureAwait(false)).GetStream();
        var start = _time.GetTimestamp();
        var frequency = (double)_time.TimestampFrequency;
        long written = 0;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var due = (long)((_time.GetTimestamp() - start) / frequency * rate);
                while (written < due && !stop.IsCancellationRequested)
                {
                    WriteFrames(stream, 1);
                    written++;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(1), _time, stop).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // Stopped, or the feed went away: either way the run is over.
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _listener.Stop();
        if (_accepted.Task.IsCompletedSuccessfully)
        {
            _accepted.Task.Result.Dispose();
        }
        else
        {
            _accepted.TrySetCanceled();
        }
    }

    private void Blast(CancellationToken stop)
    {
        try
        {
            var stream = _accepted.Task.GetAwaiter().GetResult().GetStream();
            while (!stop.IsCancellationRequested)
            {
                WriteFrames(stream, BatchFrames);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException or SocketException)
        {
            // Stopped, or the feed went away.
        }
    }

    private void WriteFrames(NetworkStream stream, int count)
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var length = 0;
        var first = _next;
        for (var i = 0; i < count; i++)
        {
            var id = _next++;
            length += _frames[(int)(id % _frames.Length)].WriteTo(_buffer.AsSpan(length), id, now);
        }

        var timestamp = _time.GetTimestamp();
        for (var id = first; id < _next; id++)
        {
            _sendTimes.Record(id, timestamp);
        }

        stream.Write(_buffer, 0, length);
        Interlocked.Add(ref _sent, count);
    }

    private async Task AcceptAsync()
    {
        try
        {
            var client = await _listener.AcceptTcpClientAsync().ConfigureAwait(false);
            client.NoDelay = true;
            var stream = client.GetStream();
            var request = new StringBuilder();
            var buffer = new byte[4096];
            while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                var read = await stream.ReadAsync(buffer).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new IOException("The client closed before the upgrade.");
                }

                request.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }

            var key = request.ToString().Split("\r\n")
                .First(static line => line.StartsWith("Sec-WebSocket-Key:", StringComparison.OrdinalIgnoreCase))
                .Split(':', 2)[1].Trim();
#pragma warning disable CA5350 // RFC 6455 defines the handshake with SHA-1; nothing here is secret.
            var accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
#pragma warning restore CA5350
            var response = $"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {accept}\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(response)).ConfigureAwait(false);
            _accepted.TrySetResult(client);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            _accepted.TrySetException(e);
        }
    }
}
