using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using RxTrader.Core;
using RxTrader.Simulator.Matching;
using RxTrader.Simulator.Server;
using RxTrader.Simulator.Tests.Rest;
using RxTrader.Simulator.UserData;

namespace RxTrader.Simulator.Tests.UserData;

/// <summary>A real simulator (silent market, frozen <see cref="System.Reactive.Concurrency.HistoricalScheduler"/>
/// advanced only while no request runs, no keep-alive timers) with two accounts, plus WebSocket client helpers.</summary>
internal sealed class UserDataFixture : IAsyncDisposable
{
    public const string OtherKey = "otherApiKey000000000000000000000000000000000000000000000000000000";
    public const string OtherSecret = "otherSecret";

    /// <summary>How long any awaited condition may take (generous: the machine is shared).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly List<ClientWebSocket> _clients = [];

    private UserDataFixture(RestFixture rest, SimulatorContext context)
    {
        Rest = rest;
        Context = context;
    }

    /// <summary>The server's shared state (the hub, the socket registry).</summary>
    public SimulatorContext Context { get; }

    public RestFixture Rest { get; }

    public SimulatorServer Server => Rest.Server;

    public MatchingEngine Engine => Server.Engine;

    public static Symbol BtcUsdt => RestFixture.BtcUsdt;

    public static async Task<UserDataFixture> StartAsync(TimeSpan? validity = null)
    {
        SimulatorContext? context = null;
        var rest = await RestFixture.StartAsync(o => o with
        {
            Accounts = [SimulatorAccount.Demo, new SimulatorAccount(OtherKey, OtherSecret, [new("USDT", 1000m, 0m), new("BTC", 1m, 0m)])],
            UserData = new UserDataOptions
            {
                ListenKeyValidity = validity ?? TimeSpan.FromMinutes(60),
                PingInterval = TimeSpan.Zero,
                MaxConnectionLifetime = null,
            },
        }, (_, c) => context = c);
        return new UserDataFixture(rest, context!);
    }

    public static OrderRequest Limit(Side side, decimal price, decimal quantity, TimeInForce tif = TimeInForce.Gtc, string? clientId = null) =>
        new() { Symbol = BtcUsdt, Side = side, Type = OrderType.Limit, TimeInForce = tif, Price = price, Quantity = quantity, NewClientOrderId = clientId };

    public PlacedOrder Place(string account, OrderRequest request)
    {
        var result = Engine.PlaceOrder(account, request);
        result.Error.ShouldBeNull();
        return result.Value!;
    }

    public async Task<string> CreateListenKeyAsync(string apiKey = SimulatorAccount.DemoApiKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v3/userDataStream");
        request.Headers.Add("X-MBX-APIKEY", apiKey);
        using var response = await Rest.Client.SendAsync(request);
        var json = await RestFixture.JsonAsync(response);
        ((int)response.StatusCode).ShouldBe(200, json.ToString());
        return json.GetProperty("listenKey").GetString()!;
    }

    public async Task<HttpResponseMessage> ListenKeyAsync(HttpMethod method, string? listenKey, string? apiKey = SimulatorAccount.DemoApiKey)
    {
        using var request = new HttpRequestMessage(method, "/api/v3/userDataStream" + (listenKey is null ? string.Empty : "?listenKey=" + listenKey));
        if (apiKey is not null)
        {
            request.Headers.Add("X-MBX-APIKEY", apiKey);
        }

        return await Rest.Client.SendAsync(request);
    }

    public async Task<ClientWebSocket> ConnectAsync(string pathAndQuery)
    {
        var client = new ClientWebSocket();
        client.Options.KeepAliveInterval = TimeSpan.Zero;
        _clients.Add(client);
        await client.ConnectAsync(new Uri(Server.StreamAddress, pathAndQuery), CancellationToken.None).WaitAsync(Timeout);
        return client;
    }

    /// <summary>The next text message, or null when the server closed the connection.</summary>
    public static async Task<string?> ReceiveAsync(ClientWebSocket client)
    {
        var buffer = new byte[64 * 1024];
        var length = 0;
        while (true)
        {
            var result = await client.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None).AsTask().WaitAsync(Timeout);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            length += result.Count;
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(buffer, 0, length);
            }
        }
    }

    public static async Task<JsonElement> ReceiveJsonAsync(ClientWebSocket client)
    {
        var text = await ReceiveAsync(client);
        text.ShouldNotBeNull("the server closed the connection");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static Task SendAsync(ClientWebSocket client, string text) =>
        client.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None).WaitAsync(Timeout);

    /// <summary>Sends a request and returns the next message (the answer, when no event is due).</summary>
    public static async Task<JsonElement> RequestAsync(ClientWebSocket client, string request)
    {
        await SendAsync(client, request);
        return await ReceiveJsonAsync(client);
    }

    /// <summary>A <c>userDataStream.subscribe.signature</c> request signed like ccxt: params sorted by name, raw
    /// <c>key=value</c> joined with <c>&amp;</c>.</summary>
    public string SubscribeSignatureRequest(object id, string apiKey = SimulatorAccount.DemoApiKey, string secret = SimulatorAccount.DemoSecretKey, long? timestamp = null, int recvWindow = 10000)
    {
        var ts = (timestamp ?? Rest.NowMs).ToString(CultureInfo.InvariantCulture);
        var payload = $"apiKey={apiKey}&recvWindow={recvWindow}&timestamp={ts}";
        var signature = RestFixture.Sign(secret, payload);
        var idText = id is string s ? "\"" + s + "\"" : Convert.ToString(id, CultureInfo.InvariantCulture);
        return $$$"""{"id":{{{idText}}},"method":"userDataStream.subscribe.signature","params":{"apiKey":"{{{apiKey}}}","recvWindow":{{{recvWindow}}},"timestamp":{{{ts}}},"signature":"{{{signature}}}"}}""";
    }

    /// <summary>A SIGNED WebSocket-API request as the connector sends it: string params plus <c>apiKey</c> and a
    /// numeric <c>timestamp</c>, signed over the name-sorted raw <c>key=value</c> pairs.</summary>
    public string SignedRequest(int id, string method, params (string Name, string Value)[] parameters)
    {
        var all = parameters.Select(p => (p.Name, Text: p.Value, Json: JsonSerializer.Serialize(p.Value)))
            .Append((Name: "apiKey", Text: SimulatorAccount.DemoApiKey, Json: JsonSerializer.Serialize(SimulatorAccount.DemoApiKey)))
            .Append((Name: "timestamp", Text: Rest.NowMs.ToString(CultureInfo.InvariantCulture), Json: Rest.NowMs.ToString(CultureInfo.InvariantCulture)))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
        var payload = string.Join("&", all.Select(p => p.Name + "=" + p.Text));
        var json = string.Join(",", all.Select(p => JsonSerializer.Serialize(p.Name) + ":" + p.Json));
        return "{\"id\":" + id.ToString(CultureInfo.InvariantCulture) + ",\"method\":\"" + method + "\",\"params\":{" + json
            + ",\"signature\":\"" + RestFixture.Sign(SimulatorAccount.DemoSecretKey, payload) + "\"}}";
    }

    public static string[] Keys(JsonElement e) => [.. e.EnumerateObject().Select(p => p.Name)];

    /// <summary>Waits until <paramref name="count"/> sinks receive events: the upgrade completes before the server
    /// attaches a stream, so a test waits for the attachment before it causes events.</summary>
    public async Task AwaitSinksAsync(int count)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (Context.UserData.SinkCount != count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"expected {count} user-data sinks, have {Context.UserData.SinkCount}");
            }

            await Task.Delay(5);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var c in _clients)
        {
            c.Abort();
            c.Dispose();
        }

        await Rest.DisposeAsync();
    }
}
