using RxTrader.Strategies.Examples;

namespace RxTrader.Strategies.Tests;

public sealed class StrategyCatalogTests
{
    private static readonly Dictionary<string, string> NoParameters = [];

    [Fact]
    public void All_ListsTheThreeExamplesWithTheirParameters()
    {
        StrategyCatalog.All.Select(static d => d.Name).ShouldBe(["ema-cross", "rsi-reversion", "bollinger-breakout"]);
        StrategyCatalog.All.ShouldAllBe(static d => d.Summary.Length > 0 && !d.Summary.Contains('\n'));
        Describe("ema-cross").ShouldBe(["fast=9: an integer from 2 to 10000", "slow=21: an integer from 2 to 10000"]);
        Describe("rsi-reversion").ShouldBe(
            ["period=14: an integer from 2 to 10000", "oversold=30: a number above 0 and below 100", "overbought=70: a number above 0 and below 100"]);
        Describe("bollinger-breakout").ShouldBe(["period=20: an integer from 2 to 10000", "width=2: a number above 0 and at most 10"]);
        StrategyCatalog.All.SelectMany(static d => d.Parameters).ShouldAllBe(static p => p.Description.Length > 0);
    }

    [Theory]
    [InlineData("ema-cross", "ema-cross(fast=9,slow=21)")]
    [InlineData("rsi-reversion", "rsi-reversion(period=14,oversold=30,overbought=70)")]
    [InlineData("bollinger-breakout", "bollinger-breakout(period=20,width=2)")]
    public void TryResolve_NoParameters_FillsEveryDefault(string name, string expected)
    {
        StrategyCatalog.TryResolve(name, NoParameters, out var spec, out var error).ShouldBeTrue();

        error.ShouldBeNull();
        spec.Name.ShouldBe(name);
        spec.ToString().ShouldBe(expected);
        spec.Parameters.Count.ShouldBe(spec.Descriptor.Parameters.Count);
        spec.Descriptor.Parameters.ShouldAllBe(p => spec.Parameters[p.Name] == p.Default);
    }

    [Fact]
    public void TryResolve_NameAndParameterNamesInAnyCase_Resolve()
    {
        StrategyCatalog.TryResolve(" EMA-Cross ", new Dictionary<string, string> { ["FAST"] = "5", ["Slow"] = " 13 " }, out var spec, out _).ShouldBeTrue();

        spec.ToString().ShouldBe("ema-cross(fast=5,slow=13)");
        spec.Parameters["FAST"].ShouldBe("5");
    }

    [Fact]
    public void TryResolve_Values_ReadInTheInvariantCulture()
    {
        StrategyCatalog.TryResolve("rsi-reversion", new Dictionary<string, string> { ["oversold"] = "25.5", ["overbought"] = "7.5e1" }, out var spec, out _)
            .ShouldBeTrue();
        spec.ToString().ShouldBe("rsi-reversion(period=14,oversold=25.5,overbought=75)");

        StrategyCatalog.TryResolve("bollinger-breakout", new Dictionary<string, string> { ["width"] = "2,5" }, out _, out var error).ShouldBeFalse();
        error.ShouldBe("Parameter 'width' of bollinger-breakout must be a number above 0 and at most 10; got '2,5'.");
    }

    [Fact]
    public void TryResolve_UnknownName_ListsTheKnownNames()
    {
        StrategyCatalog.TryResolve("macd", NoParameters, out var spec, out var error).ShouldBeFalse();

        spec.ShouldBeNull();
        error.ShouldBe("Unknown strategy 'macd'. Known strategies: ema-cross, rsi-reversion, bollinger-breakout.");
    }

    [Fact]
    public void TryResolve_UnknownParameter_NamesItAndListsTheValidOnes()
    {
        StrategyCatalog.TryResolve("ema-cross", new Dictionary<string, string> { ["fats"] = "5" }, out var spec, out var error).ShouldBeFalse();

        spec.ShouldBeNull();
        error.ShouldBe("Unknown parameter 'fats' for ema-cross. Valid parameters: fast, slow.");
    }

    [Fact]
    public void TryResolve_ParameterGivenTwiceInDifferentCases_Fails()
    {
        StrategyCatalog.TryResolve("ema-cross", new Dictionary<string, string> { ["fast"] = "5", ["FAST"] = "6" }, out _, out var error).ShouldBeFalse();

        error.ShouldBe("Parameter 'fast' of ema-cross is given twice.");
    }

    [Theory]
    [InlineData("ema-cross", "fast", "abc", "an integer from 2 to 10000")]
    [InlineData("ema-cross", "fast", "9.5", "an integer from 2 to 10000")]
    [InlineData("ema-cross", "fast", "1", "an integer from 2 to 10000")]
    [InlineData("ema-cross", "slow", "10001", "an integer from 2 to 10000")]
    [InlineData("ema-cross", "slow", "", "an integer from 2 to 10000")]
    [InlineData("rsi-reversion", "period", "1", "an integer from 2 to 10000")]
    [InlineData("rsi-reversion", "period", "-14", "an integer from 2 to 10000")]
    [InlineData("rsi-reversion", "oversold", "NaN", "a number above 0 and below 100")]
    [InlineData("rsi-reversion", "oversold", "0", "a number above 0 and below 100")]
    [InlineData("rsi-reversion", "overbought", "100", "a number above 0 and below 100")]
    [InlineData("rsi-reversion", "overbought", "Infinity", "a number above 0 and below 100")]
    [InlineData("bollinger-breakout", "period", "0", "an integer from 2 to 10000")]
    [InlineData("bollinger-breakout", "width", "0", "a number above 0 and at most 10")]
    [InlineData("bollinger-breakout", "width", "-2", "a number above 0 and at most 10")]
    [InlineData("bollinger-breakout", "width", "NaN", "a number above 0 and at most 10")]
    [InlineData("bollinger-breakout", "width", "10.5", "a number above 0 and at most 10")]
    public void TryResolve_BadValue_NamesTheParameterAndTheValue(string name, string parameter, string value, string range)
    {
        StrategyCatalog.TryResolve(name, new Dictionary<string, string> { [parameter] = value }, out var spec, out var error).ShouldBeFalse();

        spec.ShouldBeNull();
        error.ShouldBe($"Parameter '{parameter}' of {name} must be {range}; got '{value}'.");
    }

    [Fact]
    public void TryResolve_NullValue_IsABadValue()
    {
        StrategyCatalog.TryResolve("ema-cross", new Dictionary<string, string> { ["fast"] = null! }, out _, out var error).ShouldBeFalse();

        error.ShouldBe("Parameter 'fast' of ema-cross must be an integer from 2 to 10000; got ''.");
    }

    [Theory]
    [InlineData("21", "21")]
    [InlineData("30", "21")]
    public void TryResolve_FastNotBelowSlow_NamesBothAndTheValues(string fast, string slow)
    {
        StrategyCatalog.TryResolve("ema-cross", new Dictionary<string, string> { ["fast"] = fast, ["slow"] = slow }, out _, out var error).ShouldBeFalse();

        error.ShouldBe($"Parameter 'fast' of ema-cross must be below 'slow' ({slow}); got '{fast}'.");
    }

    [Fact]
    public void TryResolve_SlowDefaultBelowAGivenFast_Fails()
    {
        StrategyCatalog.TryResolve("ema-cross", new Dictionary<string, string> { ["fast"] = "50" }, out _, out var error).ShouldBeFalse();

        error.ShouldBe("Parameter 'fast' of ema-cross must be below 'slow' (21); got '50'.");
    }

    [Theory]
    [InlineData("70", "70")]
    [InlineData("80", "20.5")]
    public void TryResolve_OversoldNotBelowOverbought_NamesBothAndTheValues(string oversold, string overbought)
    {
        var parameters = new Dictionary<string, string> { ["oversold"] = oversold, ["overbought"] = overbought };

        StrategyCatalog.TryResolve("rsi-reversion", parameters, out _, out var error).ShouldBeFalse();

        error.ShouldBe($"Parameter 'oversold' of rsi-reversion must be below 'overbought' ({overbought}); got '{oversold}'.");
    }

    [Fact]
    public void TryResolve_NullArguments_Throw()
    {
        Should.Throw<ArgumentNullException>(() => StrategyCatalog.TryResolve(null!, NoParameters, out _, out _)).ParamName.ShouldBe("name");
        Should.Throw<ArgumentNullException>(() => StrategyCatalog.TryResolve("ema-cross", null!, out _, out _)).ParamName.ShouldBe("parameters");
        Should.Throw<ArgumentNullException>(() => StrategyCatalog.TryParse(null!, out _, out _)).ParamName.ShouldBe("text");
    }

    [Fact]
    public void Create_EachCall_ANewInstanceWithTheParameters()
    {
        StrategyCatalog.TryResolve("ema-cross", new Dictionary<string, string> { ["fast"] = "5", ["slow"] = "13" }, out var spec, out _).ShouldBeTrue();
        Func<IStrategy> factory = spec.Create;

        var first = factory();
        var second = factory();

        first.ShouldNotBeSameAs(second);
        var ema = first.ShouldBeOfType<EmaCrossStrategy>();
        (ema.Fast, ema.Slow).ShouldBe((5, 13));
        first.Name.ShouldBe("ema-cross");
    }

    [Fact]
    public void Create_EveryCatalogStrategy_HasTheCatalogNameAndParameters()
    {
        foreach (var descriptor in StrategyCatalog.All)
        {
            StrategyCatalog.TryResolve(descriptor.Name, NoParameters, out var spec, out _).ShouldBeTrue();
            var strategy = spec.Create();

            strategy.Name.ShouldBe(descriptor.Name);
            strategy.ToString().ShouldBe(spec.ToString());
        }
    }

    [Fact]
    public void Spec_ParametersResolvedAgain_GiveAnEqualSpec()
    {
        StrategyCatalog.TryResolve("rsi-reversion", new Dictionary<string, string> { ["oversold"] = "25" }, out var spec, out _).ShouldBeTrue();

        StrategyCatalog.TryResolve(spec.Name, spec.Parameters, out var again, out _).ShouldBeTrue();

        again.ShouldBe(spec);
        again.GetHashCode().ShouldBe(spec.GetHashCode());
        StrategyCatalog.TryResolve("rsi-reversion", NoParameters, out var defaults, out _).ShouldBeTrue();
        defaults.ShouldNotBe(spec);
    }

    [Theory]
    [InlineData("ema-cross", "ema-cross(fast=9,slow=21)")]
    [InlineData(" Ema-Cross ( Fast = 5 , slow=13 ) ", "ema-cross(fast=5,slow=13)")]
    [InlineData("rsi-reversion()", "rsi-reversion(period=14,oversold=30,overbought=70)")]
    [InlineData("bollinger-breakout(width=2.5)", "bollinger-breakout(period=20,width=2.5)")]
    public void TryParse_TextForm_Resolves(string text, string expected)
    {
        StrategyCatalog.TryParse(text, out var spec, out var error).ShouldBeTrue(error);

        spec.ToString().ShouldBe(expected);
        StrategyCatalog.TryParse(spec.ToString(), out var again, out _).ShouldBeTrue();
        again.ShouldBe(spec);
    }

    [Theory]
    [InlineData("ema-cross(fast=5", "Strategy 'ema-cross(fast=5' must be written name(key=value,...).")]
    [InlineData("ema-cross(fast)", "Strategy parameter 'fast' in 'ema-cross(fast)' must be written key=value.")]
    [InlineData("ema-cross(=5)", "Strategy parameter '=5' in 'ema-cross(=5)' must be written key=value.")]
    [InlineData("ema-cross(fast=5,FAST=6)", "Parameter 'FAST' is given twice in 'ema-cross(fast=5,FAST=6)'.")]
    [InlineData("ema-cross(fast=x)", "Parameter 'fast' of ema-cross must be an integer from 2 to 10000; got 'x'.")]
    [InlineData("", "Unknown strategy ''. Known strategies: ema-cross, rsi-reversion, bollinger-breakout.")]
    public void TryParse_Malformed_SaysWhy(string text, string expected)
    {
        StrategyCatalog.TryParse(text, out var spec, out var error).ShouldBeFalse();

        spec.ShouldBeNull();
        error.ShouldBe(expected);
    }

    private static string[] Describe(string name) =>
        [.. StrategyCatalog.All.Single(d => d.Name == name).Parameters.Select(static p => $"{p.Name}={p.Default}: {p.ValidRange}")];
}
