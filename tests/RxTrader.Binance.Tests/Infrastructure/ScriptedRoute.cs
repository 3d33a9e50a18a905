using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace RxTrader.Binance.Tests.Infrastructure;

/// <summary>A GET route that answers with a script of <see cref="CannedResponse"/>s, one per request, repeating
/// the last one when the script runs out.</summary>
public sealed class ScriptedRoute
{
    private readonly Lock _gate = new();
    private readonly Queue<CannedResponse> _script;
    private readonly CannedResponse _last;

    /// <summary>Creates the script.</summary>
    /// <param name="responses">The answers in order; at least one.</param>
    public ScriptedRoute(params CannedResponse[] responses)
    {
        ArgumentOutOfRangeException.ThrowIfZero(responses.Length);
        _script = new Queue<CannedResponse>(responses);
        _last = responses[^1];
    }

    /// <summary>Registers the route on <paramref name="app"/> at <paramref name="path"/>.</summary>
    public void MapTo(WebApplication app, string path) => app.MapGet(path, Handle);

    private Task Handle(HttpContext context)
    {
        CannedResponse response;
        lock (_gate)
        {
            response = _script.Count > 0 ? _script.Dequeue() : _last;
        }

        return response.WriteAsync(context);
    }
}
