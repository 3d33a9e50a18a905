using System.Diagnostics;

namespace RxTrader.Testing.Prometheus;

/// <summary>Runs <c>promtool</c> (shipped with the <c>prometheus</c> package) as an independent parser of the text
/// exposition format.</summary>
public static class Promtool
{
    /// <summary>Feeds <paramref name="exposition"/> to <c>promtool check metrics</c>.</summary>
    /// <param name="exposition">The text a <c>/metrics</c> endpoint serves.</param>
    /// <param name="ct">Cancels the run.</param>
    /// <returns>The exit code (0 clean, 3 lint remarks only, 1 a parse error) and everything it printed.</returns>
    /// <exception cref="PrometheusNotFoundException">promtool is not installed.</exception>
    public static async Task<(int ExitCode, string Output)> CheckMetricsAsync(string exposition, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(exposition);
        var binary = Path.Combine(Path.GetDirectoryName(PrometheusServer.FindBinary())!, "promtool");
        if (!File.Exists(binary))
        {
            throw new PrometheusNotFoundException($"promtool was not found beside prometheus ({binary}); install the Debian package 'prometheus'.");
        }

        var info = new ProcessStartInfo(binary)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add("check");
        info.ArgumentList.Add("metrics");
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.StandardInput.WriteAsync(exposition.AsMemory(), ct);
        process.StandardInput.Close();
        await process.WaitForExitAsync(ct);
        return (process.ExitCode, await stdout + await stderr);
    }
}
