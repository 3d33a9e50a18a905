namespace RxTrader.Simulator.Rest;

/// <summary>One REST route: method, path, security, the parameters it reads, its weight and its handler.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path, e.g. <c>/api/v3/order</c>.</param>
/// <param name="Signed">Whether the route is SIGNED (TRADE / USER_DATA).</param>
/// <param name="Parameters">The parameter names the route reads (besides <c>timestamp</c>, <c>recvWindow</c>,
/// <c>signature</c> on signed routes); any other name is <c>-1104</c>.</param>
/// <param name="Weight">The request weight, from the parameters (must not fail on bad input).</param>
/// <param name="Handler">Validates, acts and writes the response through the call.</param>
internal sealed record RestEndpoint(
    string Method,
    string Path,
    bool Signed,
    string[] Parameters,
    Func<RestParameters, int> Weight,
    Action<RestCall> Handler);
