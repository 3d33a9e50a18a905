using System.Text.Json;
using Microsoft.AspNetCore.Http;
using RxTrader.Simulator.Faults;
using RxTrader.Simulator.Matching;
using RxTrader.Simulator.Server;

namespace RxTrader.Simulator.Rest;

/// <summary>One REST request while its handler runs: parameters, the authenticated account, the clock, and the
/// response (a JSON body or a Binance error).</summary>
internal sealed class RestCall(HttpContext http, SimulatorContext simulator, RestParameters parameters, long nowMs, JsonBuffer buffer)
{
    public HttpContext Http { get; } = http;

    public SimulatorContext Simulator { get; } = simulator;

    public MatchingEngine Engine => Simulator.Engine;

    public RestParameters Parameters { get; } = parameters;

    /// <summary>The server clock when the request arrived, in Unix milliseconds.</summary>
    public long NowMs { get; } = nowMs;

    /// <summary>The server time the client sees, in Unix milliseconds: <see cref="NowMs"/> plus the injected clock
    /// skew (<c>/api/v3/time</c>, <c>serverTime</c>, the signed-request time checks).</summary>
    public long ServerTimeMs { get; } = nowMs + simulator.Faults.ClockSkewMs;

    /// <summary>Set by a handler to withhold its answer (a timeout fault); the pipeline then answers later or never.</summary>
    public FaultHold? Hold { get; set; }

    /// <summary>Set when a fault aborted the connection: nothing is written.</summary>
    public bool Aborted { get; private set; }

    /// <summary>Aborts the TCP connection without an answer (dropped-connection fault).</summary>
    public void Abort()
    {
        Aborted = true;
        Http.Abort();
    }

    /// <summary>The API key (account id) of a signed request.</summary>
    public string AccountId { get; set; } = string.Empty;

    /// <summary>Where the handler writes its JSON response.</summary>
    public Utf8JsonWriter Json => buffer.Writer;

    /// <summary>The error to answer instead of the JSON, or null.</summary>
    public ExchangeError? Error { get; private set; }

    /// <summary>The HTTP status of the answer.</summary>
    public int Status { get; private set; } = 200;

    /// <summary>Answers <paramref name="error"/> with <paramref name="status"/> (400 unless told).</summary>
    public void Fail(ExchangeError error, int status = 400)
    {
        Error = error;
        Status = status;
    }
}
