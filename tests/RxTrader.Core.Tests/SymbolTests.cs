namespace RxTrader.Core.Tests;

public sealed class SymbolTests
{
    [Theory]
    [InlineData("BTCUSDT", "BTCUSDT")]
    [InlineData("btcusdt", "BTCUSDT")]
    [InlineData("1000SatsUsdt", "1000SATSUSDT")]
    public void Constructor_ValidName_NormalisesToUpperCase(string input, string expected) =>
        new Symbol(input).Value.ShouldBe(expected);

    [Fact]
    public void Constructor_UpperCaseInput_KeepsTheSameString()
    {
        const string wire = "ETHUSDT";
        new Symbol(wire).Value.ShouldBeSameAs(wire);
    }

    [Fact]
    public void Equality_IgnoresInputCase() => new Symbol("ethbtc").ShouldBe(new Symbol("ETHBTC"));

    [Fact]
    public void Constructor_Null_Throws() => Should.Throw<ArgumentNullException>(() => new Symbol(null!));

    [Theory]
    [InlineData("")]
    [InlineData("BTC-USDT")]
    [InlineData("BTC USDT")]
    [InlineData("btcusdt@trade")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456")]
    public void Constructor_BadName_ThrowsArgumentException(string input) =>
        Should.Throw<ArgumentException>(() => new Symbol(input)).ParamName.ShouldBe("value");

    [Fact]
    public void Default_IsEmptyAndFlagged()
    {
        default(Symbol).Value.ShouldBe(string.Empty);
        default(Symbol).IsDefault.ShouldBeTrue();
        new Symbol("BNBUSDT").IsDefault.ShouldBeFalse();
    }

    [Fact]
    public void ToStreamName_IsLowerCase() => new Symbol("BNBUSDT").ToStreamName().ShouldBe("bnbusdt");
}
