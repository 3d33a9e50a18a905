using System.Globalization;
using System.Reactive.Concurrency;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using RxTrader.Simulator.Server;

namespace RxTrader.Benchmarks;

/// <summary>An in-process simulator with a frozen clock and raised limits, and an HttpClient (SocketsHttpHandler,
/// one kept-alive connection) that signs orders like ccxt (form body) and cancels in the query.</summary>
internal sealed class RestOrderBenchClient : IDisposable
{
    private readonly SimulatorServer _server;
    private readonly HttpClient _client;
    private readonly byte[] _secret = Encoding.UTF8.GetBytes(SimulatorAccount.DemoSecretKey);
    private readonly long _now;

    public RestOrderBenchClient()
    {
        var scheduler = new HistoricalScheduler(new DateTimeOffset(2026, 1, 5, 12, 0, 0, TimeSpan.Zero));
        _now = scheduler.Now.ToUnixTimeMilliseconds();
        var options = new SimulatorOptions
        {
            RateLimits = new SimulatorRateLimits { RequestWeightPerMinute = int.MaxValue, RawRequestsPer5Minutes = int.MaxValue, OrdersPer10Seconds = int.MaxValue, OrdersPerDay = int.MaxValue },
        };
        _server = SimulatorServer.StartAsync(options, scheduler).GetAwaiter().GetResult();
        _client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1 }) { BaseAddress = _server.BaseAddress };
    }

    public void Dispose()
    {
        _client.Dispose();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    public async Task CancelAll()
    {
        using var response = await Send(HttpMethod.Delete, "/api/v3/openOrders", "symbol=BTCUSDT", inBody: false).ConfigureAwait(false);
    }

    public async Task<long> Place()
    {
        using var response = await Send(HttpMethod.Post, "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.001&price=10000&newOrderRespType=FULL", inBody: true).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        var reader = new Utf8JsonReader(body);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("orderId"u8))
            {
                reader.Read();
                return reader.GetInt64();
            }
        }

        throw new InvalidOperationException("Order refused: " + Encoding.UTF8.GetString(body));
    }

    public async Task Cancel(long orderId)
    {
        using var response = await Send(HttpMethod.Delete, "/api/v3/order", "symbol=BTCUSDT&orderId=" + orderId.ToString(CultureInfo.InvariantCulture), inBody: false).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException("Cancel refused: " + await response.Content.ReadAsStringAsync().ConfigureAwait(false));
        }
    }

    private Task<HttpResponseMessage> Send(HttpMethod method, string path, string parameters, bool inBody)
    {
        var payload = "timestamp=" + _now.ToString(CultureInfo.InvariantCulture) + "&" + parameters;
        var signed = payload + "&signature=" + Convert.ToHexStringLower(HMACSHA256.HashData(_secret, Encoding.ASCII.GetBytes(payload)));
        var request = inBody
            ? new HttpRequestMessage(method, path) { Content = new StringContent(signed, Encoding.ASCII, "application/x-www-form-urlencoded") }
            : new HttpRequestMessage(method, path + "?" + signed);
        request.Headers.Add("X-MBX-APIKEY", SimulatorAccount.DemoApiKey);
        return _client.SendAsync(request);
    }
}
