using System.Collections;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;

namespace RxTrader.Host.Configuration;

/// <summary>Builds the configuration layers: <c>appsettings.json</c> next to the executable, the <c>--config</c> file,
/// <c>RXTRADER_</c> environment variables, then the command line (later layers win); and, apart, the secrets (user
/// secrets, then the environment).</summary>
internal static class LayeredConfiguration
{
    /// <summary>The settings file read from the executable's folder.</summary>
    public const string AppSettingsFile = "appsettings.json";

    /// <summary>Builds both configurations, or says why a file cannot be used.</summary>
    /// <returns>The settings and the secrets, or <see langword="null"/> configurations with the errors.</returns>
    public static (IConfiguration? Settings, IConfiguration? Secrets, IReadOnlyList<string> Errors) Build(ConfigurationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<string>();
        var environment = FromEnvironment(input.Environment);
        var builder = new ConfigurationBuilder();
        AddJsonFile(builder, Path.Combine(input.BaseDirectory, AppSettingsFile), AppSettingsFile, optional: true, errors);
        if (input.ConfigFile is { } configFile)
        {
            AddJsonFile(builder, Path.GetFullPath(configFile), "--config", optional: false, errors);
        }

        builder.AddInMemoryCollection(environment);
        builder.AddInMemoryCollection(input.CommandLine);

        var secrets = new ConfigurationBuilder();
        if (input.UserSecretsFile is { } secretsFile)
        {
            AddJsonFile(secrets, secretsFile, "user secrets", optional: true, errors);
        }

        secrets.AddInMemoryCollection(environment);
        if (errors.Count != 0)
        {
            return (null, null, errors);
        }

        IConfigurationRoot settings;
        try
        {
            settings = builder.Build();
        }
        catch (Exception e) when (e is FormatException or InvalidDataException)
        {
            // The provider's own checks beyond JSON syntax, e.g. a key given twice.
            return (null, null, [$"invalid settings file: {Messages(e)}"]);
        }

        foreach (var provider in settings.Providers.OfType<JsonConfigurationProvider>())
        {
            foreach (var key in (string[])[SettingKeys.ApiKey, SettingKeys.ApiSecret, SettingKeys.ApiKeyVariable, SettingKeys.ApiSecretVariable])
            {
                if (provider.TryGet(key, out _))
                {
                    errors.Add($"{key} is set in {provider.Source.Path}: API keys are read only from RXTRADER_API_KEY / RXTRADER_API_SECRET or user secrets, never from a settings file.");
                }
            }
        }

        if (errors.Count != 0)
        {
            return (null, null, errors);
        }

        try
        {
            return (settings, secrets.Build(), errors);
        }
        catch (Exception e) when (e is FormatException or InvalidDataException)
        {
            return (null, null, [$"invalid user secrets file: {Messages(e)}"]);
        }
    }

    /// <summary>The process's environment as a dictionary.</summary>
    public static Dictionary<string, string?> ProcessEnvironment()
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            variables[(string)entry.Key] = entry.Value as string;
        }

        return variables;
    }

    // Same mapping as the EnvironmentVariables provider: the prefix stripped (any case), "__" for ":".
    private static Dictionary<string, string?> FromEnvironment(IReadOnlyDictionary<string, string?> environment)
    {
        var keys = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in environment)
        {
            if (name.Length > SettingKeys.EnvironmentPrefix.Length && name.StartsWith(SettingKeys.EnvironmentPrefix, StringComparison.OrdinalIgnoreCase))
            {
                keys[name[SettingKeys.EnvironmentPrefix.Length..].Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal)] = value;
            }
        }

        return keys;
    }

    // Reads and parses the file here, so that a missing or corrupt file is a message naming it, not an exception.
    private static void AddJsonFile(ConfigurationBuilder builder, string path, string source, bool optional, List<string> errors)
    {
        if (!File.Exists(path))
        {
            if (!optional)
            {
                errors.Add($"invalid value '{path}' for {source}: the file does not exist.");
            }

            return;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                errors.Add($"invalid value '{path}' for {source}: the file must hold a JSON object.");
                return;
            }
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            errors.Add($"invalid value '{path}' for {source}: {OneLine(e.Message)}");
            return;
        }

        builder.AddJsonFile(path, optional: false, reloadOnChange: false);
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    // The provider wraps the useful part ("a duplicate key ...") in its own "failed to load" exception.
    private static string Messages(Exception e)
    {
        var text = OneLine(e.Message);
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
        {
            text += " " + OneLine(inner.Message);
        }

        return text;
    }
}
