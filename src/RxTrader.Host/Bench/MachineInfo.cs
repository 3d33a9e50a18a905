using System.Runtime.InteropServices;

namespace RxTrader.Host.Bench;

/// <summary>Where the bench ran.</summary>
/// <param name="Os">The operating system.</param>
/// <param name="Architecture">The process architecture.</param>
/// <param name="ProcessorCount">Logical processors available to the process.</param>
/// <param name="Dotnet">The .NET runtime.</param>
/// <param name="LoadAverage">The 1, 5 and 15 minute load averages at the end (Linux), or <see langword="null"/>.</param>
internal sealed record MachineInfo(string Os, string Architecture, int ProcessorCount, string Dotnet, string? LoadAverage)
{
    /// <summary>This machine, now.</summary>
    public static MachineInfo Current() => new(
        RuntimeInformation.OSDescription,
        RuntimeInformation.ProcessArchitecture.ToString(),
        Environment.ProcessorCount,
        RuntimeInformation.FrameworkDescription,
        ReadLoadAverage());

    private static string? ReadLoadAverage()
    {
        try
        {
            var fields = File.ReadAllText("/proc/loadavg").Split(' ');
            return fields.Length >= 3 ? string.Join(' ', fields[..3]) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
