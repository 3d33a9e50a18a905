using System.Text;
using System.Text.Json;
using RxTrader.Simulator.Matching;

namespace RxTrader.Simulator.UserData;

/// <summary>Methods that mirror a REST endpoint (<see cref="WebSocketApiRestBridge.Methods"/>): the WebSocket-API
/// signature is checked here, then the request runs through the REST endpoint, re-signed for it, and its answer
/// becomes the <c>result</c> (or the <c>error</c> with the same status).</summary>
internal sealed partial class WebSocketApiSession
{
    private async ValueTask BridgeAsync(string method, string path, bool signed)
    {
        string? apiKey = null;
        var pairs = new List<KeyValuePair<string, string>>();
        if (_params.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in _params.EnumerateObject())
            {
                if (p.Name is not ("apiKey" or "signature") && ValueText(p.Value) is { } value)
                {
                    pairs.Add(new(p.Name, value));
                }
            }
        }

        if (signed)
        {
            if (!Authenticate(out var key))
            {
                return;
            }

            apiKey = key;
        }

        var query = new StringBuilder();
        foreach (var (name, value) in pairs)
        {
            query.Append(query.Length == 0 ? string.Empty : "&").Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        if (signed)
        {
            var unsigned = query.ToString();
            query.Append(unsigned.Length == 0 ? string.Empty : "&").Append("signature=")
                .Append(Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(_context.SecretOf(apiKey!)!, Encoding.UTF8.GetBytes(unsigned))));
        }

        var answer = await Bridge.InvokeAsync(method, path, query.ToString(), apiKey, _socket.Context).ConfigureAwait(false);
        _usedWeight = _context.Limits.UsedWeight(_ip, _context.NowMs);
        if (answer is not { } a)
        {
            SendError(400, UnknownMethod);
            return;
        }

        if (a.Status == 200)
        {
            BeginResult();
            _w.WriteRawValue(a.Body, skipInputValidation: true);
            SendResult();
            return;
        }

        var error = JsonDocument.Parse(a.Body).RootElement;
        SendError(a.Status, new ExchangeError(error.GetProperty("code").GetInt32(), error.GetProperty("msg").GetString() ?? string.Empty));
    }
}
