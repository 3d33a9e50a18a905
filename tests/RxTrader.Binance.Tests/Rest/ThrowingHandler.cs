namespace RxTrader.Binance.Tests.Rest;

/// <summary>A handler whose every send fails with the given exception, for transport failures a loopback server
/// cannot produce on demand.</summary>
internal sealed class ThrowingHandler(Exception exception) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromException<HttpResponseMessage>(exception);
}
