using System.Text.Json;
using RxTrader.Host.Configuration;

namespace RxTrader.Host.Cli;

/// <summary>Replaces the API key and secret, wherever they come from, by <c>***</c> in text the host prints: the
/// last line of defence for messages the host does not write itself (exceptions).</summary>
internal sealed class SecretRedactor
{
    private const string Mask = "***";

    // Shorter values would mask ordinary words; real keys are 64 characters.
    private const int MinLength = 8;

    private readonly string[] _secrets;

    public SecretRedactor(IEnumerable<string> secrets) =>
        _secrets = [.. secrets.Where(static s => s.Length >= MinLength).Distinct(StringComparer.Ordinal).OrderByDescending(static s => s.Length)];

    /// <summary>The key and secret in the environment and the user-secrets file.</summary>
    public static SecretRedactor From(IReadOnlyDictionary<string, string?> environment, string? userSecretsFile)
    {
        var values = new List<string>();
        foreach (var (name, value) in environment)
        {
            if (value is not null && IsSecretName(name))
            {
                values.Add(value);
            }
        }

        values.AddRange(UserSecretValues(userSecretsFile));
        return new SecretRedactor(values);
    }

    /// <summary><paramref name="text"/> with every known secret masked.</summary>
    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }

    private static bool IsSecretName(string name)
    {
        if (!name.StartsWith(SettingKeys.EnvironmentPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var key = name[SettingKeys.EnvironmentPrefix.Length..].Replace("__", ":", StringComparison.Ordinal);
        return key.Equals(SettingKeys.ApiKeyVariable, StringComparison.OrdinalIgnoreCase)
            || key.Equals(SettingKeys.ApiSecretVariable, StringComparison.OrdinalIgnoreCase)
            || key.Equals(SettingKeys.ApiKey, StringComparison.OrdinalIgnoreCase)
            || key.Equals(SettingKeys.ApiSecret, StringComparison.OrdinalIgnoreCase);
    }

    // Every string in the file: it holds nothing but secrets.
    private static List<string> UserSecretValues(string? file)
    {
        var values = new List<string>();
        try
        {
            if (file is not null && File.Exists(file))
            {
                using var document = JsonDocument.Parse(File.ReadAllBytes(file), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
                Collect(document.RootElement, values);
            }
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            // An unreadable file contributes no secret; its problem is reported by the configuration.
        }

        return values;
    }

    private static void Collect(JsonElement element, List<string> values)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Collect(property.Value, values);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, values);
                }

                break;
            case JsonValueKind.String:
                values.Add(element.GetString()!);
                break;
        }
    }
}
