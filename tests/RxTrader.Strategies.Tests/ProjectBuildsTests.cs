namespace RxTrader.Strategies.Tests;

public sealed class ProjectBuildsTests
{
    [Fact]
    public void Assembly_Loads() => typeof(ProjectBuildsTests).Assembly.GetName().Name.ShouldBe("RxTrader.Strategies.Tests");
}
