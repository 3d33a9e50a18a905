using RxTrader.Core.Orders;

namespace RxTrader.Core.Tests.Orders;

public sealed class ClientOrderIdTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("x-AKa12_3.b:c/d")]
    [InlineData("123456789012345678901234567890123456")]
    public void Constructor_WellFormed_KeepsTheValue(string value)
    {
        new ClientOrderId(value).Value.ShouldBe(value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1234567890123456789012345678901234567")]
    [InlineData("has space")]
    [InlineData("ü")]
    [InlineData("a+b")]
    public void Constructor_Malformed_Throws(string value)
    {
        Should.Throw<ArgumentException>(() => new ClientOrderId(value));
        ClientOrderId.IsValid(value).ShouldBeFalse();
    }

    [Fact]
    public void Constructor_Null_Throws()
    {
        Should.Throw<ArgumentNullException>(() => new ClientOrderId(null!));
        ClientOrderId.IsValid(null).ShouldBeFalse();
    }

    [Fact]
    public void For_SameArguments_SameId()
    {
        ClientOrderId.For("ema_x", 42).ShouldBe(ClientOrderId.For("ema_x", 42));
        ClientOrderId.For("ema_x", 42).Value.ShouldBe("ema_x-42");
        ClientOrderId.For("ema_x", 42).ShouldNotBe(ClientOrderId.For("ema_x", 43));
    }

    [Fact]
    public void For_LongestStrategyAndSequence_FitsTheWireLimit()
    {
        ClientOrderId.For("abcdefghijklmnop", long.MaxValue).Value.Length.ShouldBe(ClientOrderId.MaxLength);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abcdefghijklmnopq")]
    [InlineData("with-dash")]
    [InlineData("sp ace")]
    public void For_BadStrategy_Throws(string strategy)
    {
        Should.Throw<ArgumentException>(() => ClientOrderId.For(strategy, 1));
    }

    [Fact]
    public void For_NegativeSequence_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => ClientOrderId.For("s", -1));
    }

    [Fact]
    public void Default_IsDefaultWithEmptyValue()
    {
        default(ClientOrderId).IsDefault.ShouldBeTrue();
        default(ClientOrderId).Value.ShouldBe(string.Empty);
    }
}
