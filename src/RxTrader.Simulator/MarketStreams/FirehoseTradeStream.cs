using System.Buffers.Text;
using System.Reactive.Concurrency;
using System.Text;
using RxTrader.Simulator.Publishing;

namespace RxTrader.Simulator.MarketStreams;

/// <summary>
/// The load stream <c>&lt;symbol&gt;@trade@firehose</c>: valid <c>trade</c> payloads with distinct, increasing ids
/// (from 1), encoded by hand into one reusable buffer, pushed as fast as the connection drains.
/// </summary>
/// <remarks>
/// A dedicated background thread starts with the subscription and stops with it (or when the connection refuses a
/// frame). It keeps the socket's queue topped up without exceeding its bound: it sends a batch only while less than
/// half the queue is used, and a batch never fills more than the other half. Prices and quantities are synthetic
/// (<c>1000.00</c> + 0.01 × (id mod 1000), <c>0.001</c> × (1 + id mod 100)), not the book's; <c>E</c> and <c>T</c> are the scheduler's
/// clock read once per batch; <c>m</c> alternates. Frames go through <see cref="MarketStreamSession.Send"/>, so the
/// combined wrapper applies.
/// </remarks>
internal sealed class FirehoseTradeStream : IDisposable
{
    private const int MaxFrameBytes = 320;
    private const long PriceBase = 1000_00000000;
    private const long PriceStep = 1000000;
    private const long QuantityStep = 100000;

    private readonly MarketStreamSession _session;
    private readonly StreamSubscription _subscription;
    private readonly IScheduler _scheduler;
    private readonly int _queueBytes;
    private readonly byte[] _buffer = new byte[256];
    private readonly byte[] _symbolPart;
    private Thread? _thread;
    private volatile bool _stopped;

    private FirehoseTradeStream(MarketStreamSession session, StreamSubscription subscription, IScheduler scheduler, int queueBytes)
    {
        _session = session;
        _subscription = subscription;
        _scheduler = scheduler;
        _queueBytes = queueBytes;
        _symbolPart = Encoding.UTF8.GetBytes(",\"s\":\"" + subscription.Stream.Stream.Symbol.Value + "\",\"t\":");
    }

    /// <summary>Starts the loop on its own background thread.</summary>
    public static FirehoseTradeStream Start(MarketStreamSession session, StreamSubscription subscription, IScheduler scheduler, int queueBytes)
    {
        var stream = new FirehoseTradeStream(session, subscription, scheduler, queueBytes);
        var thread = new Thread(static s => ((FirehoseTradeStream)s!).Run())
        {
            IsBackground = true,
            Name = "market-stream firehose",
        };
        stream._thread = thread;
        thread.Start(stream);
        return stream;
    }

    /// <summary>Stops the loop and waits for its thread to end, so nothing of this stream is queued after it returns.</summary>
    public void Dispose()
    {
        _stopped = true;
        if (_thread is { } thread && thread != Thread.CurrentThread)
        {
            // The loop checks the flag before every frame and never blocks for more than a short sleep.
            thread.Join();
        }
    }

    /// <summary>Writes trade <paramref name="id"/> into the buffer; returns its length.</summary>
    internal int Encode(long id, long time)
    {
        var b = _buffer.AsSpan();
        var n = Append(b, 0, "{\"e\":\"trade\",\"E\":"u8);
        n += Format(time, b[n..]);
        n = Append(b, n, _symbolPart);
        n += Format(id, b[n..]);
        n = Append(b, n, ",\"p\":\""u8);
        n += WireJson.FormatEightDecimals(PriceBase + (id % 1000 * PriceStep), b[n..]);
        n = Append(b, n, "\",\"q\":\""u8);
        n += WireJson.FormatEightDecimals(QuantityStep * (1 + (id % 100)), b[n..]);
        n = Append(b, n, "\",\"T\":"u8);
        n += Format(time, b[n..]);
        return Append(b, n, (id & 1) == 0 ? ",\"m\":true,\"M\":true}"u8 : ",\"m\":false,\"M\":true}"u8);
    }

    private static int Append(Span<byte> buffer, int at, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(buffer[at..]);
        return at + bytes.Length;
    }

    private static int Format(long value, Span<byte> destination)
    {
        _ = Utf8Formatter.TryFormat(value, destination, out var written);
        return written;
    }

    private void Run()
    {
        var socket = _session.Socket;
        var half = _queueBytes / 2;
        var batch = Math.Clamp(half / MaxFrameBytes, 1, 512);
        var spinner = default(SpinWait);
        long id = 0;
        while (!_stopped)
        {
            if (socket.QueuedBytes > half)
            {
                // The client is behind: let the writer drain (spins, then yields, then sleeps briefly).
                spinner.SpinOnce();
                continue;
            }

            spinner.Reset();
            var time = _scheduler.Now.ToUnixTimeMilliseconds();
            for (var i = 0; i < batch && !_stopped; i++)
            {
                var length = Encode(++id, time);
                if (!_session.Send(_subscription, _buffer.AsSpan(0, length)))
                {
                    // Closing, gone, or dropped as a slow consumer: the stream ends with the connection.
                    return;
                }
            }
        }
    }
}
