using System.Text;
using Microsoft.AspNetCore.Http;

namespace RxTrader.Host.Metrics;

/// <summary>The request handler of <see cref="MetricsServer"/>: <c>/metrics</c>, <c>/</c>, and 404/405 otherwise.</summary>
internal sealed class MetricsEndpoint
{
    private const string IndexText = "rxtrader metrics: GET /metrics (Prometheus text format 0.0.4)\n";

    private readonly PrometheusExporter _exporter;

    // One builder for every scrape (scrapes are serialized by the exporter anyway): its chunks are encoded straight
    // into the response, so a large scrape never becomes one large string on the large-object heap.
    private readonly StringBuilder _builder = new();
    private readonly Lock _gate = new();

    public MetricsEndpoint(PrometheusExporter exporter) => _exporter = exporter;

    public Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        var response = http.Response;
        var head = HttpMethods.IsHead(request.Method);
        var isGet = head || HttpMethods.IsGet(request.Method);
        switch (request.Path.Value)
        {
            case "/metrics" when isGet:
                response.ContentType = PrometheusExporter.ContentType;
                return WriteScrapeAsync(response, head, http.RequestAborted);
            case "/metrics":
                response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                response.Headers.Allow = "GET, HEAD";
                return Task.CompletedTask;
            case "/" when isGet:
                response.ContentType = "text/plain; charset=utf-8";
                response.ContentLength = Encoding.UTF8.GetByteCount(IndexText);
                return head ? Task.CompletedTask : response.WriteAsync(IndexText, http.RequestAborted);
            default:
                response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
        }
    }

    private async Task WriteScrapeAsync(HttpResponse response, bool head, CancellationToken ct)
    {
        lock (_gate)
        {
            _builder.Clear();
            _exporter.Scrape(_builder);
            long length = 0;
            foreach (var chunk in _builder.GetChunks())
            {
                length += Encoding.UTF8.GetByteCount(chunk.Span);
            }

            response.ContentLength = length;
            if (!head)
            {
                // Encoding into the pipe is synchronous (it buffers); only the flush below waits for the socket.
                foreach (var chunk in _builder.GetChunks())
                {
                    Encoding.UTF8.GetBytes(chunk.Span, response.BodyWriter);
                }
            }

            if (_builder.Capacity > 1 << 20)
            {
                // Do not keep an exceptional scrape's memory for ever.
                _builder.Clear().Capacity = 16 * 1024;
            }
        }

        if (!head)
        {
            await response.BodyWriter.FlushAsync(ct).ConfigureAwait(false);
        }
    }
}
