namespace RxTrader.Host.Configuration;

/// <summary>One setting: its configuration key and, when it has one, the command-line option that sets it.</summary>
/// <param name="Key">The configuration key (<c>Engine:BarInterval</c>); in environment variables <c>RXTRADER_</c> +
/// the key with <c>__</c> for <c>:</c>.</param>
/// <param name="Option">The option (<c>--bar</c>), or <see langword="null"/> for file and environment only settings.</param>
internal sealed record SettingKey(string Key, string? Option)
{
    /// <summary>The option and key as a message names them: <c>--bar (Engine:BarInterval)</c>.</summary>
    public string Display => Option is null ? Key : $"{Option} ({Key})";

    /// <summary>The message for a bad value.</summary>
    public string Invalid(string? value, string expected) => $"invalid value '{value}' for {Display}: expected {expected}.";
}
