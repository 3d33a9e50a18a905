using RxTrader.Engine.Monitoring;

namespace RxTrader.Engine.Tests.Monitoring;

public sealed class ConcurrentTasksTests
{
    [Fact]
    public void Begin_CountsUntilDisposed_Once()
    {
        var tasks = new ConcurrentTasks();
        var a = tasks.Begin("a");
        using var b = tasks.Begin("b");
        tasks.Active.ShouldBe(2);
        tasks.Names.ShouldBe(["a", "b"]);

        a.Dispose();
        a.Dispose();

        tasks.Active.ShouldBe(1);
        tasks.Names.ShouldBe(["b"]);
    }

    [Fact]
    public void Begin_SameNameTwice_Throws_ButAfterEndingItMayRunAgain()
    {
        var tasks = new ConcurrentTasks();
        var first = tasks.Begin("x");
        Should.Throw<InvalidOperationException>(() => tasks.Begin("x")).Message.ShouldContain("'x'");
        first.Dispose();
        using var again = tasks.Begin("x");
        tasks.Active.ShouldBe(1);
        Should.Throw<ArgumentException>(() => tasks.Begin(""));
    }
}
