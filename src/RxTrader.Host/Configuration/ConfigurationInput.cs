namespace RxTrader.Host.Configuration;

/// <summary>Where the configuration layers come from, so that tests can supply each one.</summary>
/// <param name="BaseDirectory">The folder of the executable: its <c>appsettings.json</c> is read when present.</param>
/// <param name="ConfigFile">The <c>--config</c> file (must exist), or <see langword="null"/>.</param>
/// <param name="Environment">The process's environment variables (only <c>RXTRADER_</c> ones are read).</param>
/// <param name="CommandLine">Configuration keys set by command-line options; the last layer.</param>
/// <param name="UserSecretsFile">The user-secrets JSON file (read for the API key and secret only), or <see langword="null"/>.</param>
internal sealed record ConfigurationInput(
    string BaseDirectory,
    string? ConfigFile,
    IReadOnlyDictionary<string, string?> Environment,
    IReadOnlyDictionary<string, string?> CommandLine,
    string? UserSecretsFile);
