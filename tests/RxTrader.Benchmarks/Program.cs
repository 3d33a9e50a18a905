using BenchmarkDotNet.Running;

namespace RxTrader.Benchmarks;

/// <summary>Entry point: <c>dotnet run -c Release --project tests/RxTrader.Benchmarks -- --filter '*'</c>.</summary>
internal static class Program
{
    private static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
