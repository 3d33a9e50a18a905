using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace RxTrader.Testing.Prometheus;

/// <summary>
/// A real Prometheus server (the <c>prometheus</c> binary of the Debian package) scraping one target every second,
/// on a free loopback port with throw-away storage; <see cref="QueryAsync"/> runs PromQL over its HTTP API.
/// </summary>
/// <remarks>There is no skip: a machine without the binary fails with <see cref="PrometheusNotFoundException"/>,
/// because the test command (<c>scripts/test.sh</c>) installs it. Disposal kills the process and deletes the
/// configuration and storage directory.</remarks>
public sealed class PrometheusServer : IAsyncDisposable
{
    /// <summary>The job name of the scraped target (the <c>job</c> label of its series).</summary>
    public const string JobName = "rxtrader";

    private static readonly string[] _candidates = ["/usr/bin/prometheus", "/usr/local/bin/prometheus"];

    private readonly Process _process;
    private readonly string _directory;
    private readonly HttpClient _http;
    private readonly StringBuilder _log;
    private int _disposed;

    private PrometheusServer(Process process, string directory, Uri address, StringBuilder log)
    {
        _process = process;
        _directory = directory;
        _log = log;
        Address = address;
        _http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary>The server's base address, e.g. <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri Address { get; }

    /// <summary>What the server printed so far (the last 64 KiB), for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>The path of the <c>prometheus</c> binary: on <c>PATH</c>, else in <c>/usr/bin</c> or
    /// <c>/usr/local/bin</c>.</summary>
    /// <exception cref="PrometheusNotFoundException">It is nowhere.</exception>
    public static string FindBinary() =>
        FindBinary(Environment.GetEnvironmentVariable("PATH") ?? string.Empty, _candidates);

    /// <summary>The path of the <c>prometheus</c> binary in the directories of <paramref name="searchPath"/> (a
    /// <c>PATH</c>-like list), else the first of <paramref name="fallbacks"/> that exists.</summary>
    /// <param name="searchPath">Directories separated by <see cref="Path.PathSeparator"/>.</param>
    /// <param name="fallbacks">Full paths tried last.</param>
    /// <returns>The binary's path.</returns>
    /// <exception cref="PrometheusNotFoundException">It is nowhere.</exception>
    public static string FindBinary(string searchPath, IEnumerable<string> fallbacks)
    {
        ArgumentNullException.ThrowIfNull(searchPath);
        ArgumentNullException.ThrowIfNull(fallbacks);
        foreach (var directory in searchPath.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, "prometheus");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return fallbacks.FirstOrDefault(File.Exists) ?? throw new PrometheusNotFoundException();
    }

    /// <summary>Starts Prometheus scraping <paramref name="target"/> (<c>host:port</c>, path <paramref name="metricsPath"/>)
    /// every second and waits until it is ready.</summary>
    /// <param name="target">The scrape target, e.g. <c>127.0.0.1:9464</c>.</param>
    /// <param name="metricsPath">The scrape path.</param>
    /// <param name="ct">Cancels the start.</param>
    /// <returns>The running server.</returns>
    /// <exception cref="PrometheusNotFoundException">The binary is not installed.</exception>
    /// <exception cref="InvalidOperationException">It did not become ready within 30 s.</exception>
    public static async Task<PrometheusServer> StartAsync(string target, string metricsPath = "/metrics", CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(target);
        var binary = FindBinary();
        var directory = Directory.CreateTempSubdirectory("rxtrader-prometheus-").FullName;
        try
        {
            var config = Path.Combine(directory, "prometheus.yml");
            await File.WriteAllTextAsync(config, $"""
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                  evaluation_interval: 1s
                scrape_configs:
                  - job_name: {JobName}
                    scrape_interval: 1s
                    metrics_path: '{metricsPath}'
                    static_configs:
                      - targets: ['{target}']
                """, ct);

            // A free port can be taken between probing and binding: try a few.
            for (var attempt = 1; ; attempt++)
            {
                var server = Launch(binary, directory, config, FreePort());
                try
                {
                    await server.WaitReadyAsync(TimeSpan.FromSeconds(30), ct);
                    return server;
                }
                catch (InvalidOperationException) when (attempt < 3 && server._process.HasExited)
                {
                    await server.DisposeProcessAsync();
                }
                catch
                {
                    await server.DisposeProcessAsync();
                    throw;
                }
            }
        }
        catch
        {
            TryDelete(directory);
            throw;
        }
    }

    private static PrometheusServer Launch(string binary, string directory, string config, int port)
    {
        var storage = Path.Combine(directory, $"data-{port}");
        var info = new ProcessStartInfo(binary)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = directory,
        };
        info.ArgumentList.Add($"--config.file={config}");
        info.ArgumentList.Add($"--storage.tsdb.path={storage}");
        info.ArgumentList.Add($"--web.listen-address=127.0.0.1:{port}");
        info.ArgumentList.Add("--log.level=warn");

        var log = new StringBuilder();
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new PrometheusServer(process, directory, new Uri($"http://127.0.0.1:{port}/"), log);
    }

    private static void Append(StringBuilder log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.Append(line).Append('\n');
            if (log.Length > 64 * 1024)
            {
                log.Remove(0, log.Length - (64 * 1024));
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitReadyAsync(TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            ct.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Prometheus exited with code {_process.ExitCode} before it was ready:\n{Log}");
            }

            try
            {
                using var response = await _http.GetAsync(new Uri("-/ready", UriKind.Relative), ct);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100, ct);
        }

        throw new InvalidOperationException($"Prometheus was not ready within {timeout.TotalSeconds:0} s:\n{Log}");
    }

    /// <summary>Runs an instant query (<c>/api/v1/query</c>) and returns the vector's elements (a scalar comes
    /// back as one element without labels).</summary>
    /// <param name="promql">The PromQL expression.</param>
    /// <param name="ct">Cancels the query.</param>
    /// <returns>The samples; empty when the expression matches nothing.</returns>
    /// <exception cref="InvalidOperationException">Prometheus answered an error (e.g. a syntax error).</exception>
    public async Task<IReadOnlyList<PrometheusSample>> QueryAsync(string promql, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(promql);
        var uri = new Uri("api/v1/query?query=" + Uri.EscapeDataString(promql), UriKind.Relative);
        using var response = await _http.GetAsync(uri, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        if (root.GetProperty("status").GetString() != "success")
        {
            throw new InvalidOperationException($"Prometheus rejected '{promql}': {body}");
        }

        var data = root.GetProperty("data");
        var result = data.GetProperty("result");
        return data.GetProperty("resultType").GetString() switch
        {
            "vector" => [.. result.EnumerateArray().Select(static e => ParseSample(e.GetProperty("metric"), e.GetProperty("value")))],
            "scalar" => [ParseSample(default, result)],
            var other => throw new InvalidOperationException($"Unexpected result type {other} for '{promql}': {body}"),
        };
    }

    private static PrometheusSample ParseSample(JsonElement metric, JsonElement value)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (metric.ValueKind == JsonValueKind.Object)
        {
            foreach (var label in metric.EnumerateObject())
            {
                labels[label.Name] = label.Value.GetString() ?? string.Empty;
            }
        }

        var time = DateTimeOffset.FromUnixTimeMilliseconds((long)(value[0].GetDouble() * 1000));
        return new PrometheusSample(labels, time, ParseValue(value[1].GetString()!));
    }

    private static double ParseValue(string text) => text switch
    {
        "NaN" => double.NaN,
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    /// <summary>Re-runs <paramref name="promql"/> until its result satisfies <paramref name="accept"/> or the time runs
    /// out; the last result comes back either way, so the caller asserts on it with a useful message.</summary>
    /// <param name="promql">The PromQL expression.</param>
    /// <param name="accept">When the result is the one waited for.</param>
    /// <param name="timeout">How long to keep trying.</param>
    /// <param name="ct">Cancels the wait.</param>
    /// <returns>The last result.</returns>
    public async Task<IReadOnlyList<PrometheusSample>> WaitForAsync(
        string promql, Func<IReadOnlyList<PrometheusSample>, bool> accept, TimeSpan timeout, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(accept);
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var result = await QueryAsync(promql, ct);
            if (accept(result) || DateTimeOffset.UtcNow >= deadline)
            {
                return result;
            }

            await Task.Delay(250, ct);
        }
    }

    /// <summary>Waits until the target has been scraped successfully at least <paramref name="scrapes"/> times
    /// (<c>up == 1</c> samples in the last minute).</summary>
    /// <param name="scrapes">The number of successful scrapes.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="ct">Cancels the wait.</param>
    /// <exception cref="TimeoutException">The target was not scraped that often in time (its state in the message).</exception>
    public async Task WaitForScrapesAsync(int scrapes, TimeSpan timeout, CancellationToken ct = default)
    {
        var query = $"sum_over_time(up{{job=\"{JobName}\"}}[1m])";
        var result = await WaitForAsync(query, r => r.Count > 0 && r[0].Value >= scrapes, timeout, ct);
        if (result.Count == 0 || result[0].Value < scrapes)
        {
            var targets = await _http.GetStringAsync(new Uri("api/v1/targets", UriKind.Relative), ct);
            throw new TimeoutException(
                $"The target was scraped successfully {(result.Count == 0 ? 0 : result[0].Value)} times in {timeout}, not {scrapes}. Targets: {targets}\n{Log}");
        }
    }

    private async Task DisposeProcessAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        catch (TimeoutException)
        {
            // Killed but slow to reap; nothing more to do.
        }
        finally
        {
            _process.Dispose();
            _http.Dispose();
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Kills the process and deletes its configuration and storage.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await DisposeProcessAsync();
        TryDelete(_directory);
    }
}
