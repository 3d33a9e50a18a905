using RxTrader.Host.Cli;

namespace RxTrader.Host.Tests.Cli;

public sealed class SecretRedactorTests
{
    [Fact]
    public void Redact_EnvironmentKeys_Masked()
    {
        var redactor = SecretRedactor.From(
            new Dictionary<string, string?> { ["RXTRADER_API_KEY"] = "key-12345678", ["rxtrader_binance__apisecret"] = "secret-12345678", ["PATH"] = "/usr/bin:/bin" },
            userSecretsFile: null);

        redactor.Redact("a key-12345678 and secret-12345678 in /usr/bin:/bin").ShouldBe("a *** and *** in /usr/bin:/bin");
    }

    [Fact]
    public void Redact_UserSecretsFile_EveryValueMasked()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, """{ "Binance": { "ApiKey": "filekey-12345678" }, "Binance:ApiSecret": "filesecret-1234" }""");

            var redactor = SecretRedactor.From(new Dictionary<string, string?>(), file);

            redactor.Redact("filekey-12345678/filesecret-1234").ShouldBe("***/***");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Redact_ShortValue_NotMasked()
    {
        // Too short to be a key: masking it would garble ordinary words.
        var redactor = SecretRedactor.From(new Dictionary<string, string?> { ["RXTRADER_API_KEY"] = "run" }, null);

        redactor.Redact("run").ShouldBe("run");
    }

    [Fact]
    public void Redact_CorruptUserSecretsFile_Ignored()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "{ not json");

            SecretRedactor.From(new Dictionary<string, string?>(), file).Redact("text").ShouldBe("text");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
