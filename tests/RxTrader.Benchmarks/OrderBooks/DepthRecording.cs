using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using RxTrader.Core;
using RxTrader.Core.MarketData;

namespace RxTrader.Benchmarks.OrderBooks;

/// <summary>A REST depth snapshot and the diff-depth events recorded around it, in received order.</summary>
internal sealed record DepthRecording(DepthSnapshot Snapshot, DepthUpdate[] Updates)
{
    /// <summary>
    /// Reads a snapshot body (<c>{"lastUpdateId":..,"bids":[[p,q]],"asks":[[p,q]]}</c>) and a JSON-lines file of
    /// combined-stream <c>depthUpdate</c> frames. A minimal reader for benchmarks only; the product's codec is elsewhere.
    /// </summary>
    public static DepthRecording Load(string snapshotPath, string updatesPath)
    {
        var updates = File.ReadLines(updatesPath).Where(l => l.Length > 0).Select(ParseUpdate).ToArray();
        using var snapshot = JsonDocument.Parse(File.ReadAllText(snapshotPath));
        var root = snapshot.RootElement;
        return new DepthRecording(
            new DepthSnapshot(updates[0].Symbol, root.GetProperty("lastUpdateId").GetInt64(), Levels(root.GetProperty("bids")), Levels(root.GetProperty("asks"))),
            updates);
    }

    /// <summary>A seeded synthetic recording: a 1,000-level snapshot at id 10,000 and diffs that start before it.</summary>
    public static DepthRecording Synthetic(int diffs)
    {
        var symbol = new Symbol("BTCUSDT");
        var random = new Random(11);
        var snapshot = new DepthSnapshot(symbol, 10_000, [.. BookDiffs.Bids()], [.. BookDiffs.Asks()]);
        var updates = new DepthUpdate[diffs];
        var id = 9_950L;
        for (var i = 0; i < diffs; i++)
        {
            var count = random.Next(1, 10);
            var time = DateTimeOffset.UnixEpoch.AddMilliseconds(100L * i);
            updates[i] = new DepthUpdate(symbol, time, id, id + count - 1, RandomLevels(random, -1), RandomLevels(random, +1));
            id += count;
        }

        return new DepthRecording(snapshot, updates);
    }

    private static ImmutableArray<BookLevel> RandomLevels(Random random, int sign)
    {
        var levels = new BookLevel[random.Next(0, 11)];
        for (var i = 0; i < levels.Length; i++)
        {
            var depth = random.Next(1, 60);
            var price = sign < 0 ? BookDiffs.Mid - (depth * BookDiffs.Tick) : BookDiffs.Mid + (depth * BookDiffs.Tick);
            levels[i] = new BookLevel(price, random.Next(3) == 0 ? 0m : random.Next(1, 500) / 100m);
        }

        return ImmutableArray.Create(levels);
    }

    private static DepthUpdate ParseUpdate(string line)
    {
        using var frame = JsonDocument.Parse(line);
        var data = frame.RootElement.TryGetProperty("data", out var inner) ? inner : frame.RootElement;
        return new DepthUpdate(
            new Symbol(data.GetProperty("s").GetString()!),
            DateTimeOffset.FromUnixTimeMilliseconds(data.GetProperty("E").GetInt64()),
            data.GetProperty("U").GetInt64(),
            data.GetProperty("u").GetInt64(),
            Levels(data.GetProperty("b")),
            Levels(data.GetProperty("a")));
    }

    private static ImmutableArray<BookLevel> Levels(JsonElement array) =>
        [.. array.EnumerateArray().Select(l => new BookLevel(
            decimal.Parse(l[0].GetString()!, CultureInfo.InvariantCulture),
            decimal.Parse(l[1].GetString()!, CultureInfo.InvariantCulture)))];
}
