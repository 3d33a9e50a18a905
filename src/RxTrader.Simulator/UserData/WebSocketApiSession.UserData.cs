using RxTrader.Simulator.Matching;
using RxTrader.Simulator.Rest;

namespace RxTrader.Simulator.UserData;

/// <summary>Session and user-data methods: logon, subscriptions, legacy listenKeys.</summary>
internal sealed partial class WebSocketApiSession
{
    public static readonly ExchangeError NotAuthorized = new(-1002, "You are not authorized to execute this request.");
    public static readonly ExchangeError SubscriptionActive = new(-2035, "User Data Stream subscription already active.");
    public static readonly ExchangeError SubscriptionInactive = new(-2036, "User Data Stream subscription not active.");

    private readonly SortedDictionary<int, WebSocketApiSubscription> _subscriptions = [];
    private int _nextSubscriptionId;
    private string? _logonKey;
    private long _authorizedSince;

    private void Logon()
    {
        if (!Authenticate(out var apiKey))
        {
            return;
        }

        _logonKey = apiKey;
        _authorizedSince = _context.NowMs;
        SessionStatus();
    }

    private void Logout()
    {
        foreach (var s in _subscriptions.Values.Where(s => s.ViaLogon).ToList())
        {
            _subscriptions.Remove(s.SubscriptionId);
            Hub.Detach(s, terminate: true);
        }

        _logonKey = null;
        SessionStatus();
    }

    private void SessionStatus()
    {
        BeginResult();
        _w.WriteStartObject();
        if (_logonKey is null)
        {
            _w.WriteNull("apiKey"u8);
            _w.WriteNull("authorizedSince"u8);
        }
        else
        {
            _w.WriteString("apiKey"u8, _logonKey);
            _w.WriteNumber("authorizedSince"u8, _authorizedSince);
        }

        _w.WriteNumber("connectedSince"u8, _connectedSince);
        _w.WriteBoolean("returnRateLimits"u8, _returnRateLimits);
        _w.WriteNumber("serverTime"u8, _context.ClientClockMs);
        _w.WriteBoolean("userDataStream"u8, _subscriptions.Values.Any(s => s.ViaLogon));
        _w.WriteEndObject();
        SendResult();
    }

    private void Subscriptions()
    {
        BeginResult();
        _w.WriteStartArray();
        foreach (var id in _subscriptions.Keys)
        {
            _w.WriteStartObject();
            _w.WriteNumber("subscriptionId"u8, id);
            _w.WriteEndObject();
        }

        _w.WriteEndArray();
        SendResult();
    }

    private void SubscribeAfterLogon()
    {
        if (_logonKey is null)
        {
            SendError(401, NotAuthorized);
            return;
        }

        Subscribe(_logonKey, viaLogon: true);
    }

    private void SubscribeWithSignature()
    {
        if (Authenticate(out var apiKey))
        {
            Subscribe(apiKey, viaLogon: false);
        }
    }

    private void Subscribe(string accountId, bool viaLogon)
    {
        if (_subscriptions.Values.Any(s => s.AccountId == accountId))
        {
            SendError(400, SubscriptionActive);
            return;
        }

        var subscription = new WebSocketApiSubscription(_socket, _nextSubscriptionId++, accountId, viaLogon);
        _subscriptions.Add(subscription.SubscriptionId, subscription);
        BeginResult();
        _w.WriteStartObject();
        _w.WriteNumber("subscriptionId"u8, subscription.SubscriptionId);
        _w.WriteEndObject();
        Hub.Attach(subscription, _socket, EndResult()); // the reply goes out before the first event
    }

    private void Unsubscribe()
    {
        List<WebSocketApiSubscription> ended;
        if (Param("subscriptionId") is { } text)
        {
            if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
                || !_subscriptions.TryGetValue(id, out var one))
            {
                SendError(400, SubscriptionInactive);
                return;
            }

            ended = [one];
        }
        else
        {
            ended = [.. _subscriptions.Values];
        }

        foreach (var s in ended)
        {
            _subscriptions.Remove(s.SubscriptionId);
            Hub.Detach(s, terminate: true);
        }

        BeginResult();
        _w.WriteStartObject();
        _w.WriteEndObject();
        SendResult();
    }

    /// <summary><c>userDataStream.start</c> (<c>apiKey</c>), <c>ping</c>/<c>stop</c> (<c>apiKey</c>, <c>listenKey</c>):
    /// the REST listenKey endpoints over the WebSocket API, API key only.</summary>
    private void LegacyListenKey(string method)
    {
        var apiKey = Param("apiKey");
        if (string.IsNullOrEmpty(apiKey))
        {
            SendError(400, ExchangeErrors.MandatoryParameter("apiKey"));
            return;
        }

        if (_context.SecretOf(apiKey) is null)
        {
            SendError(401, ExchangeErrors.InvalidApiKey);
            return;
        }

        if (method == "userDataStream.start")
        {
            var key = Hub.CreateListenKey(apiKey);
            BeginResult();
            _w.WriteStartObject();
            _w.WriteString("listenKey"u8, key);
            _w.WriteEndObject();
            SendResult();
            return;
        }

        var listenKey = Param("listenKey");
        if (string.IsNullOrEmpty(listenKey))
        {
            SendError(400, ExchangeErrors.MandatoryParameter("listenKey"));
            return;
        }

        var done = method == "userDataStream.ping" ? Hub.KeepAlive(apiKey, listenKey) : Hub.DeleteListenKey(apiKey, listenKey);
        if (!done)
        {
            SendError(400, UserDataEndpoints.UnknownListenKey);
            return;
        }

        BeginResult();
        _w.WriteStartObject();
        _w.WriteEndObject();
        SendResult();
    }

    /// <summary>Checks a signed request's <c>apiKey</c>, <c>timestamp</c>, <c>recvWindow</c> and <c>signature</c>
    /// (<see cref="WebSocketApiSignature"/>) in REST's order; answers the error and returns false on failure.</summary>
    private bool Authenticate(out string apiKey)
    {
        apiKey = Param("apiKey") ?? string.Empty;
        if (apiKey.Length == 0)
        {
            SendError(400, ExchangeErrors.MandatoryParameter("apiKey"));
            return false;
        }

        if (_context.SecretOf(apiKey) is not { } secret)
        {
            SendError(401, ExchangeErrors.InvalidApiKey);
            return false;
        }

        var timestampText = Param("timestamp");
        if (string.IsNullOrEmpty(timestampText) || timestampText.Length > 19 || !ParamReader.IsDigits(timestampText))
        {
            SendError(400, ExchangeErrors.MandatoryParameter("timestamp"));
            return false;
        }

        var timestamp = long.Parse(timestampText, System.Globalization.CultureInfo.InvariantCulture);
        if (timestamp >= 100_000_000_000_000)
        {
            timestamp /= 1000; // microseconds
        }

        var options = _context.Options;
        var recvWindow = (decimal)options.DefaultRecvWindow.TotalMilliseconds;
        if (Param("recvWindow") is { } windowText)
        {
            if (!decimal.TryParse(windowText, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out recvWindow))
            {
                SendError(400, ParamReader.NotValid("recvWindow"));
                return false;
            }

            if (recvWindow > (decimal)options.MaxRecvWindow.TotalMilliseconds)
            {
                SendError(400, RequestAuthenticator.RecvWindowTooLarge);
                return false;
            }
        }

        var signature = Param("signature");
        if (string.IsNullOrEmpty(signature))
        {
            SendError(400, ExchangeErrors.MandatoryParameter("signature"));
            return false;
        }

        if (!WebSocketApiSignature.Verify(_params, secret, signature))
        {
            SendError(400, RequestAuthenticator.BadSignature);
            return false;
        }

        var now = _context.ClientClockMs;
        if (timestamp >= now + (long)options.FutureTolerance.TotalMilliseconds)
        {
            SendError(400, RequestAuthenticator.Ahead);
            return false;
        }

        if (now - timestamp > recvWindow)
        {
            SendError(400, RequestAuthenticator.OutsideWindow);
            return false;
        }

        return true;
    }

    /// <summary>The connection ended: its subscriptions stop (nothing is sent, the socket is gone).</summary>
    private void EndSubscriptions()
    {
        foreach (var s in _subscriptions.Values)
        {
            Hub.Detach(s, terminate: false);
        }

        _subscriptions.Clear();
    }
}
