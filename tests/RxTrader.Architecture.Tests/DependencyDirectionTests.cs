using System.Reflection;
using System.Runtime.InteropServices;

namespace RxTrader.Architecture.Tests;

/// <summary>Dependencies point one way: Core ← Streams ← (Trading, Binance, …) ← Host.</summary>
public sealed class DependencyDirectionTests
{
    private static readonly Assembly Core = typeof(RxTrader.Core.Symbol).Assembly;
    private static readonly Assembly Streams = Assembly.Load("RxTrader.Streams");
    private static readonly Assembly Binance = Assembly.Load("RxTrader.Binance");
    private static readonly Assembly Simulator = Assembly.Load("RxTrader.Simulator");
    private static readonly Assembly Trading = Assembly.Load("RxTrader.Trading");
    private static readonly Assembly Strategies = Assembly.Load("RxTrader.Strategies");
    private static readonly Assembly Engine = Assembly.Load("RxTrader.Engine");

    private static readonly string[] FrameworkDirectories =
    [
        RuntimeEnvironment.GetRuntimeDirectory(),
        Path.GetDirectoryName(typeof(Microsoft.AspNetCore.Builder.WebApplication).Assembly.Location)!,
    ];

    [Fact]
    public void Core_ReferencesOnlyTheSharedFramework() =>
        NonFrameworkReferences(Core).ShouldBeEmpty();

    [Fact]
    public void Streams_ReferencesOnlyCoreAndRx() =>
        NonFrameworkReferences(Streams).ShouldBeSubsetOf(["RxTrader.Core", "System.Reactive"]);

    [Fact]
    public void Binance_ReferencesOnlyCoreStreamsAndItsTransportPackages() =>
        NonFrameworkReferences(Binance).ShouldBeSubsetOf(
        [
            "RxTrader.Core", "RxTrader.Streams", "System.Reactive", "Websocket.Client", "Newtonsoft.Json",
            // Every WebsocketClient constructor has an optional RecyclableMemoryStreamManager parameter.
            "Microsoft.IO.RecyclableMemoryStream",
        ]);

    [Fact]
    public void Simulator_ReferencesOnlyCoreStreamsBinanceAndRx() =>
        NonFrameworkReferences(Simulator).ShouldBeSubsetOf(
            ["RxTrader.Core", "RxTrader.Streams", "RxTrader.Binance", "System.Reactive"]);

    [Fact]
    public void Trading_ReferencesOnlyCoreStreamsRxAndSqlite() =>
        NonFrameworkReferences(Trading).ShouldBeSubsetOf(["RxTrader.Core", "RxTrader.Streams", "System.Reactive", "Microsoft.Data.Sqlite"]);

    [Fact]
    public void Strategies_ReferenceOnlyCoreStreamsAndRx() =>
        NonFrameworkReferences(Strategies).ShouldBeSubsetOf(["RxTrader.Core", "RxTrader.Streams", "System.Reactive"]);

    [Fact]
    public void Engine_ReferencesNoHostNoSimulatorAndNoWebFramework()
    {
        NonFrameworkReferences(Engine).ShouldBeSubsetOf(
            ["RxTrader.Core", "RxTrader.Streams", "RxTrader.Binance", "RxTrader.Trading", "RxTrader.Strategies", "System.Reactive"]);
        Engine.GetReferencedAssemblies().Select(a => a.Name).ShouldNotContain(n => n!.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public void Core_DoesNotNeedTheWebFramework() =>
        Core.GetReferencedAssemblies().Select(a => a.Name).ShouldNotContain(n => n!.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));

    [Fact]
    public void Libraries_ExposeNoPublicMutableStaticState()
    {
        var offenders = new[] { Core, Streams, Binance, Simulator, Trading, Strategies, Engine }
            .SelectMany(a => a.GetExportedTypes())
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => !f.IsLiteral && !f.IsInitOnly)
            .Select(f => $"{f.DeclaringType}.{f.Name}");

        offenders.ShouldBeEmpty();
    }

    private static string[] NonFrameworkReferences(Assembly assembly) =>
        assembly.GetReferencedAssemblies()
            .Where(name => !FrameworkDirectories.Any(directory => File.Exists(Path.Combine(directory, name.Name + ".dll"))))
            .Select(name => name.Name ?? string.Empty)
            .ToArray();
}
