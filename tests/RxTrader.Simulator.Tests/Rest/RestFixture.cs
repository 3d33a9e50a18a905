using System.Globalization;
using System.Net.Http.Headers;
using System.Reactive.Concurrency;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using RxTrader.Core;
using RxTrader.Simulator.Server;

namespace RxTrader.Simulator.Tests.Rest;

/// <summary>How a client lays out a signed request.</summary>
internal enum SigningStyle
{
    /// <summary>ccxt: GET/DELETE in the query (timestamp first); POST with everything in a form body.</summary>
    Ccxt,

    /// <summary>@binance/connector: everything in the query (timestamp, signature last), JSON content type, no body.</summary>
    Connector,
}

/// <summary>A real Kestrel simulator on port 0 with a frozen clock (a HistoricalScheduler nobody advances while
/// requests run) and an HttpClient; helpers to sign requests like ccxt or the connector.</summary>
internal sealed class RestFixture : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 12, 0, 30, TimeSpan.Zero);
    public static readonly Symbol BtcUsdt = new("BTCUSDT");

    private RestFixture(SimulatorServer server, HistoricalScheduler scheduler)
    {
        Server = server;
        Scheduler = scheduler;
        Client = new HttpClient(new SocketsHttpHandler()) { BaseAddress = server.BaseAddress };
    }

    public SimulatorServer Server { get; }

    public HistoricalScheduler Scheduler { get; }

    public HttpClient Client { get; }

    public string ApiKey { get; set; } = SimulatorAccount.DemoApiKey;

    public string Secret { get; set; } = SimulatorAccount.DemoSecretKey;

    public long NowMs => Scheduler.Now.ToUnixTimeMilliseconds();

    public static async Task<RestFixture> StartAsync(
        Func<SimulatorOptions, SimulatorOptions>? configure = null,
        Action<IEndpointRouteBuilder, SimulatorContext>? extraRoutes = null)
    {
        var scheduler = new HistoricalScheduler(Start);
        // A silent market: the tests place every order and liquidity themselves.
        var options = (configure ?? (static o => o))(new SimulatorOptions { Market = null });
        var server = await SimulatorServer.StartCoreAsync(options, scheduler, extraRoutes, CancellationToken.None);
        return new RestFixture(server, scheduler);
    }

    public static string Sign(string secret, string payload) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(payload)));

    public Task<HttpResponseMessage> GetAsync(string pathAndQuery) => Client.GetAsync(pathAndQuery);

    /// <summary>Sends a signed request laid out as <paramref name="style"/> does; <paramref name="parameters"/> is
    /// the already-encoded <c>a=1&amp;b=2</c> text (may be empty).</summary>
    public Task<HttpResponseMessage> SignedAsync(HttpMethod method, string path, string parameters, SigningStyle style = SigningStyle.Ccxt, long? timestamp = null, Action<HttpRequestMessage>? tweak = null)
    {
        var ts = (timestamp ?? NowMs).ToString(CultureInfo.InvariantCulture);
        HttpRequestMessage request;
        if (style == SigningStyle.Connector)
        {
            var payload = (parameters.Length > 0 ? parameters + "&" : string.Empty) + "timestamp=" + ts;
            request = new HttpRequestMessage(method, path + "?" + payload + "&signature=" + Sign(Secret, payload));
            request.Content = new ByteArrayContent([]);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }
        else
        {
            var payload = "timestamp=" + ts + (parameters.Length > 0 ? "&" + parameters : string.Empty);
            var signed = payload + "&signature=" + Sign(Secret, payload);
            if (method == HttpMethod.Post || method == HttpMethod.Put)
            {
                request = new HttpRequestMessage(method, path)
                {
                    Content = new StringContent(signed, Encoding.ASCII, "application/x-www-form-urlencoded"),
                };
            }
            else
            {
                request = new HttpRequestMessage(method, path + "?" + signed);
            }
        }

        request.Headers.Add("X-MBX-APIKEY", ApiKey);
        tweak?.Invoke(request);
        return Client.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts a Binance error body and status.</summary>
    public static async Task ShouldFailAsync(HttpResponseMessage response, int status, int code, string? message = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(status, body);
        var json = JsonDocument.Parse(body).RootElement;
        json.GetProperty("code").GetInt32().ShouldBe(code, body);
        if (message is not null)
        {
            json.GetProperty("msg").GetString().ShouldBe(message);
        }

        response.Content.Headers.ContentType!.ToString().ShouldBe("application/json; charset=UTF-8");
    }

    public static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : string.Empty;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
