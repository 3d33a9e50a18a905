using RxTrader.Host.Configuration;

namespace RxTrader.Host.Tests.Configuration;

public sealed class LayeredConfigurationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rxtrader-config-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Build_LaterLayersWin()
    {
        Write("appsettings.json", """{ "Engine": { "BarInterval": "1m", "Duration": "1h", "JournalPath": "a.db", "OrderQuoteAmount": 5 } }""");
        var config = Write("extra.json", """{ "Engine": { "Duration": "2h", "JournalPath": "b.db", "OrderQuoteAmount": 6 } }""");
        var environment = new Dictionary<string, string?> { ["RXTRADER_Engine__JournalPath"] = "c.db", ["rxtrader_engine__orderquoteamount"] = "7", ["OTHER"] = "x" };
        var commandLine = new Dictionary<string, string?> { ["Engine:OrderQuoteAmount"] = "8" };

        var (settings, secrets, errors) = LayeredConfiguration.Build(new(_folder, config, environment, commandLine, null));

        errors.ShouldBeEmpty();
        secrets.ShouldNotBeNull();
        settings!["Engine:BarInterval"].ShouldBe("1m");
        settings["Engine:Duration"].ShouldBe("2h");
        settings["Engine:JournalPath"].ShouldBe("c.db");
        settings["Engine:OrderQuoteAmount"].ShouldBe("8");
        settings["OTHER"].ShouldBeNull();
    }

    [Fact]
    public void Build_NoAppSettings_Fine() =>
        LayeredConfiguration.Build(new(_folder, null, new Dictionary<string, string?>(), new Dictionary<string, string?>(), null)).Errors.ShouldBeEmpty();

    [Fact]
    public void Build_MissingConfigFile_NamesOptionAndPath()
    {
        var missing = Path.Combine(_folder, "nope.json");

        var (settings, _, errors) = LayeredConfiguration.Build(new(_folder, missing, new Dictionary<string, string?>(), new Dictionary<string, string?>(), null));

        settings.ShouldBeNull();
        var message = errors.ShouldHaveSingleItem();
        message.ShouldContain("--config");
        message.ShouldContain(missing);
        message.ShouldContain("does not exist");
    }

    [Theory]
    [InlineData("{ \"Engine\": ")]
    [InlineData("[1, 2]")]
    [InlineData("not json")]
    public void Build_CorruptConfigFile_NamesOptionAndPath(string content)
    {
        var config = Write("bad.json", content);

        var (settings, _, errors) = LayeredConfiguration.Build(new(_folder, config, new Dictionary<string, string?>(), new Dictionary<string, string?>(), null));

        settings.ShouldBeNull();
        var message = errors.ShouldHaveSingleItem();
        message.ShouldContain("--config");
        message.ShouldContain(config);
        message.ShouldNotContain("\n");
    }

    [Fact]
    public void Build_CorruptAppSettings_NamesTheFile()
    {
        Write("appsettings.json", "{,}");

        LayeredConfiguration.Build(new(_folder, null, new Dictionary<string, string?>(), new Dictionary<string, string?>(), null))
            .Errors.ShouldHaveSingleItem().ShouldContain("appsettings.json");
    }

    [Fact]
    public void Build_DuplicateKeyInFile_Refused()
    {
        var config = Write("dup.json", """{ "Engine": { "BarInterval": "1m", "BarInterval": "5m" } }""");

        LayeredConfiguration.Build(new(_folder, config, new Dictionary<string, string?>(), new Dictionary<string, string?>(), null))
            .Errors.ShouldHaveSingleItem().ShouldContain("BarInterval");
    }

    [Fact]
    public void Build_SecretInSettingsFile_RefusedWithoutShowingIt()
    {
        const string secret = "verysecretvalue0123456789";
        var config = Write("keys.json", $$"""{ "Binance": { "ApiKey": "{{secret}}" } }""");

        var (settings, _, errors) = LayeredConfiguration.Build(new(_folder, config, new Dictionary<string, string?>(), new Dictionary<string, string?>(), null));

        settings.ShouldBeNull();
        var message = errors.ShouldHaveSingleItem();
        message.ShouldContain("Binance:ApiKey");
        message.ShouldContain("RXTRADER_API_KEY");
        message.ShouldNotContain(secret);
    }

    [Fact]
    public void Build_Secrets_UserSecretsThenEnvironment()
    {
        var userSecrets = Write("secrets.json", """{ "Binance:ApiKey": "fromfile", "Binance:ApiSecret": "filesecret" }""");
        var environment = new Dictionary<string, string?> { ["RXTRADER_Binance__ApiSecret"] = "envsecret", ["RXTRADER_API_KEY"] = "envkey" };

        var (_, secrets, errors) = LayeredConfiguration.Build(new(_folder, null, environment, new Dictionary<string, string?>(), userSecrets));

        errors.ShouldBeEmpty();
        secrets!["Binance:ApiKey"].ShouldBe("fromfile");
        secrets["Binance:ApiSecret"].ShouldBe("envsecret");
        secrets["API_KEY"].ShouldBe("envkey");
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }
}
