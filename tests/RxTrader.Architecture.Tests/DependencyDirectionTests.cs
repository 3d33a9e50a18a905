using System.Reflection;
using System.Runtime.InteropServices;

namespace RxTrader.Architecture.Tests;

/// <summary>Dependencies point one way: Core ← Streams ← (Trading, Binance, …) ← Host.</summary>
public sealed class DependencyDirectionTests
{
    private static readonly Assembly Core = typeof(RxTrader.Core.Symbol).Assembly;
    private static readonly Assembly Streams = Assembly.Load("RxTrader.Streams");
    private static readonly Assembly Binance = Assembly.Load("RxTrader.Binance");

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
    public void Libraries_ExposeNoPublicMutableStaticState()
    {
        var offenders = new[] { Core, Streams, Binance }
            .SelectMany(a => a.GetExportedTypes())
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => !f.IsLiteral && !f.IsInitOnly)
            .Select(f => $"{f.DeclaringType}.{f.Name}");

        offenders.ShouldBeEmpty();
    }

    private static string[] NonFrameworkReferences(Assembly assembly)
    {
        var frameworkDirectory = RuntimeEnvironment.GetRuntimeDirectory();
        return assembly.GetReferencedAssemblies()
            .Where(name => !IsInDirectory(name, frameworkDirectory))
            .Select(name => name.Name ?? string.Empty)
            .ToArray();
    }

    private static bool IsInDirectory(AssemblyName name, string directory)
    {
        var path = Path.Combine(directory, name.Name + ".dll");
        return File.Exists(path);
    }
}
