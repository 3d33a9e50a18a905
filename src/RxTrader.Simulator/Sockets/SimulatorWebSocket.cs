using System.Reactive.Concurrency;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace RxTrader.Simulator.Sockets;

/// <summary>
/// The simulator's server side of one WebSocket connection, framed by hand (RFC 6455) over the raw stream of a
/// Kestrel HTTP/1.1 upgrade: no extensions, unmasked server frames, masked client frames required, client
/// fragments reassembled, ping/pong/close handled here, keep-alive, lifetime and inbound rate limits on the injected
/// scheduler, and fault hooks (stall, raw bytes, per-frame delay, abort).
/// </summary>
/// <remarks>
/// <para>Sending: <see cref="TrySendText(ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte})"/> copies the
/// frame into a byte-bounded queue under one short lock and never blocks or allocates; one writer loop drains the
/// queue, writing many frames per stream write. A frame that does not fit the queue closes the connection as a slow
/// consumer (the transport is dropped, like Binance does).</para>
/// <para>Thread safety: the send methods, <see cref="Close"/>, <see cref="CloseAsync"/>, <see cref="Abort"/>,
/// <see cref="Stall"/>, <see cref="SetFrameDelay"/>, <see cref="Statistics"/> and <see cref="QueuedBytes"/> may be
/// called from any thread concurrently; frames from one thread keep their order. <see cref="RunAsync"/> is called
/// once, by the owner's request delegate, and the message handler runs on its loop, one message at a time, in
/// order.</para>
/// <para>The scheduler runs the keep-alive, lifetime and close timers and supplies the clock of the rate limit;
/// timers are scheduled from Kestrel threads, so it must be thread-safe (not a <c>TestScheduler</c> being advanced
/// concurrently).</para>
/// </remarks>
internal sealed partial class SimulatorWebSocket
{
    private readonly HttpContext _context;
    private readonly Stream _stream;
    private readonly WebSocketSessionOptions _options;
    private readonly IScheduler _scheduler;
    private readonly Lock _gate = new();
    private readonly OutboundBuffer _outbound;
    private readonly WriterSignal _writerSignal = new();
    private readonly TaskCompletionSource<WebSocketClosure> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _writer;

    private WebSocketClosure? _closure;
    private bool _closeFrameQueued;
    private bool _aborted;
    private bool _finished;
    private bool _running;

    private long _framesQueued;
    private long _framesWritten;
    private long _bytesWritten;
    private long _writes;
    private long _queueHighWater;
    private long _textReceived;
    private long _binaryReceived;
    private long _pingsSent;
    private long _pongsReceived;
    private long _pingsReceived;

    private SimulatorWebSocket(HttpContext context, Stream stream, WebSocketSessionOptions options, IScheduler scheduler)
    {
        _context = context;
        _stream = stream;
        _options = options;
        _scheduler = scheduler;
        _outbound = new OutboundBuffer(options.WriteBufferBytes);
        _writer = WriteLoopAsync();
        StartTimers();
    }

    /// <summary>Called once when the maximum lifetime elapses, just before the server closes with 1001, so the owner can queue a <c>serverShutdown</c> frame.</summary>
    public Action<SimulatorWebSocket>? LifetimeExpiring { get; set; }

    /// <summary>Completes once the connection is gone (after <see cref="RunAsync"/> has finished), with how it ended.</summary>
    public Task<WebSocketClosure> Completion => _completion.Task;

    /// <summary>The connection's HTTP context (path and query of the upgrade request).</summary>
    public HttpContext Context => _context;

    /// <summary>Bytes waiting in the outbound queue (a cheap read for producers that pace themselves).</summary>
    public long QueuedBytes
    {
        get
        {
            lock (_gate)
            {
                return _outbound.QueuedBytes;
            }
        }
    }

    /// <summary>A consistent snapshot of the counters.</summary>
    public WebSocketStatistics Statistics
    {
        get
        {
            lock (_gate)
            {
                return new WebSocketStatistics(
                    _framesQueued,
                    _framesWritten,
                    _bytesWritten,
                    _writes,
                    _outbound.QueuedBytes,
                    _queueHighWater,
                    _textReceived,
                    _binaryReceived,
                    _pingsSent,
                    _pongsReceived,
                    _pingsReceived,
                    _closure);
            }
        }
    }

    /// <summary>True when the request asks for a WebSocket upgrade (GET, <c>Upgrade: websocket</c>, upgradable HTTP/1.1 connection).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is null.</exception>
    public static bool IsWebSocketRequest(HttpContext context) => WebSocketHandshake.IsWebSocketRequest(context);

    /// <summary>
    /// Validates the handshake and switches the connection to WebSocket; on a bad handshake writes a 400 with a short
    /// text body and returns null (never throws for bad input). Permessage-deflate and other extension offers are
    /// ignored; no subprotocol is selected. The writer and the timers start at once; call <see cref="RunAsync"/> to
    /// receive.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="options"/> has a value out of range.</exception>
    public static async Task<SimulatorWebSocket?> AcceptAsync(HttpContext context, WebSocketSessionOptions options, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(scheduler);
        options.Validate();

        var problem = WebSocketHandshake.Validate(context);
        if (problem is not null)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.Headers.SecWebSocketVersion = "13";
            context.Response.ContentType = "text/plain; charset=utf-8";
            var body = Encoding.UTF8.GetBytes(problem);
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body).ConfigureAwait(false);
            return null;
        }

        var key = context.Request.Headers.SecWebSocketKey.ToString().Trim();
        context.Response.Headers.Upgrade = "websocket";
        context.Response.Headers.Connection = "Upgrade";
        context.Response.Headers.SecWebSocketAccept = WebSocketHandshake.ComputeAccept(key);
        var stream = await context.Features.Get<IHttpUpgradeFeature>()!.UpgradeAsync().ConfigureAwait(false);
        return new SimulatorWebSocket(context, stream, options, scheduler);
    }
}
