namespace RxTrader.Engine.Tests.Recording;

/// <summary>A fresh temporary directory per test, deleted afterwards.</summary>
internal sealed class RecordingTestDirectory : IDisposable
{
    public RecordingTestDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "rxtrader-rec-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string[] Files() => [.. Directory.GetFiles(Path, "rec-*.ndjson.gz").Order(StringComparer.Ordinal)];

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp directory does not fail a test.
        }
    }
}
