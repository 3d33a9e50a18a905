using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;

namespace RxTrader.Binance.Tests.Execution;

/// <summary>An in-memory exchange for outcomes the simulator cannot produce on demand (unreadable answers, queries
/// that never succeed): answers each request with <c>Answer</c> and records what was sent.</summary>
internal sealed class ScriptedExchange(Func<ScriptedExchange.Request, HttpResponseMessage> answer) : HttpMessageHandler
{
    public ConcurrentQueue<Request> Requests { get; } = new();

    public static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    public static string OrderJson(string clientId, string status = "NEW") =>
        $$"""{"symbol":"BTCUSDT","orderId":7,"orderListId":-1,"clientOrderId":"{{clientId}}","transactTime":1767614430000,"price":"95.00000000","origQty":"0.10000000","executedQty":"0.00000000","cummulativeQuoteQty":"0.00000000","status":"{{status}}","timeInForce":"GTC","type":"LIMIT","side":"BUY","workingTime":1767614430000,"fills":[]}""";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        var query = request.RequestUri!.Query.TrimStart('?');
        var parameters = (query + "&" + body).Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => p.Length > 1 ? Uri.UnescapeDataString(p[1]) : string.Empty);
        var recorded = new Request(request.Method, request.RequestUri.AbsolutePath, parameters);
        Requests.Enqueue(recorded);
        return answer(recorded);
    }

    /// <summary>One request: method, path and every parameter of query and body.</summary>
    internal sealed record Request(HttpMethod Method, string Path, IReadOnlyDictionary<string, string> Parameters)
    {
        public bool IsOrderPost => Method == HttpMethod.Post && Path == "/api/v3/order";

        public bool IsOrderQuery => Method == HttpMethod.Get && Path == "/api/v3/order";

        public long Timestamp => long.Parse(Parameters["timestamp"], CultureInfo.InvariantCulture);

        public long RecvWindow => long.Parse(Parameters["recvWindow"], CultureInfo.InvariantCulture);
    }
}
