using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;

namespace RxTrader.Binance.Tests.Infrastructure;

/// <summary>The server side of one accepted WebSocket, scripted by a test: send frames, read what the client
/// sent, close or abort.</summary>
public sealed class ScriptedSocket
{
    private readonly WebSocket _socket;
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<(string Text, DateTime At)> _received = new();

    internal ScriptedSocket(WebSocket socket, string pathAndQuery)
    {
        _socket = socket;
        PathAndQuery = pathAndQuery;
    }

    /// <summary>The request path and query, e.g. <c>/stream?streams=btcusdt@trade</c>.</summary>
    public string PathAndQuery { get; }

    /// <summary>Text frames received from the client, with the wall-clock time they arrived.</summary>
    public IReadOnlyList<(string Text, DateTime At)> Received => [.. _received];

    /// <summary>Completes when the socket ended (closed by either side or aborted).</summary>
    public Task Ended => _ended.Task;

    /// <summary>Sends a text frame (one send at a time: await each).</summary>
    public Task SendAsync(string text) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>Closes with a normal close handshake.</summary>
    public async Task CloseAsync()
    {
        try
        {
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
        }
        catch (WebSocketException)
        {
        }

        _ended.TrySetResult();
    }

    /// <summary>Drops the TCP connection without a close handshake.</summary>
    public void Abort()
    {
        _socket.Abort();
        _ended.TrySetResult();
    }

    internal async Task RunAsync(CancellationToken stopping)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (!stopping.IsCancellationRequested && !_ended.Task.IsCompleted)
            {
                var result = await _socket.ReceiveAsync(buffer, stopping);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                _received.Enqueue((Encoding.UTF8.GetString(buffer, 0, result.Count), DateTime.UtcNow));
            }
        }
        catch (Exception error) when (error is WebSocketException or OperationCanceledException)
        {
        }

        _ended.TrySetResult();
    }
}
