using System.Globalization;
using Microsoft.Extensions.Configuration;
using RxTrader.Core;
using RxTrader.Trading.Risk;

namespace RxTrader.Host.Configuration;

/// <summary>Binds the <c>Risk</c> section onto <see cref="RiskLimits"/>, letting its setters validate each value.</summary>
internal static class RiskLimitsBinder
{
    private const string NonNegativeAmount = "a number of 0 or more (0 lets nothing through)";
    private const string NonNegativeCount = "a whole number of 0 or more (0 lets nothing through)";

    /// <summary>The keys of the section (besides <c>MaxPositionBySymbol:&lt;SYMBOL&gt;</c>).</summary>
    public static IReadOnlyList<string> Keys { get; } =
    [
        nameof(RiskLimits.MaxPosition), nameof(RiskLimits.MaxPositionBySymbol), nameof(RiskLimits.MaxOrderNotional),
        nameof(RiskLimits.MaxOpenNotional), nameof(RiskLimits.MaxOpenOrders), nameof(RiskLimits.MaxOpenOrdersPerSymbol),
        nameof(RiskLimits.MaxOrdersPerSecond), nameof(RiskLimits.MaxDrawdown), nameof(RiskLimits.MaxDailyLoss),
        nameof(RiskLimits.KillSwitchMode), nameof(RiskLimits.ResumeOnNewDay),
    ];

    /// <summary>Reads the section; every bad value adds a message to <paramref name="errors"/>.</summary>
    public static RiskLimits Bind(IConfigurationSection section, List<string> errors)
    {
        var limits = new RiskLimits();
        limits = Decimal(section, nameof(RiskLimits.MaxPosition), NonNegativeAmount, errors, limits, static (l, v) => l with { MaxPosition = v });
        limits = Decimal(section, nameof(RiskLimits.MaxOrderNotional), NonNegativeAmount, errors, limits, static (l, v) => l with { MaxOrderNotional = v });
        limits = Decimal(section, nameof(RiskLimits.MaxOpenNotional), NonNegativeAmount, errors, limits, static (l, v) => l with { MaxOpenNotional = v });
        limits = Decimal(section, nameof(RiskLimits.MaxDrawdown), "a fraction above 0 and at most 1 (0.1 = 10 %)", errors, limits, static (l, v) => l with { MaxDrawdown = v });
        limits = Decimal(section, nameof(RiskLimits.MaxDailyLoss), NonNegativeAmount, errors, limits, static (l, v) => l with { MaxDailyLoss = v });
        limits = Integer(section, nameof(RiskLimits.MaxOpenOrders), NonNegativeCount, errors, limits, static (l, v) => l with { MaxOpenOrders = v });
        limits = Integer(section, nameof(RiskLimits.MaxOpenOrdersPerSymbol), NonNegativeCount, errors, limits, static (l, v) => l with { MaxOpenOrdersPerSymbol = v });
        limits = Integer(section, nameof(RiskLimits.MaxOrdersPerSecond), "a whole number from 1 to 1000000", errors, limits, static (l, v) => l with { MaxOrdersPerSecond = v });

        if (Value(section, nameof(RiskLimits.KillSwitchMode)) is { } mode)
        {
            if (mode.Equals(nameof(TradingMode.Halted), StringComparison.OrdinalIgnoreCase))
            {
                limits = limits with { KillSwitchMode = TradingMode.Halted };
            }
            else if (mode.Equals(nameof(TradingMode.Reducing), StringComparison.OrdinalIgnoreCase))
            {
                limits = limits with { KillSwitchMode = TradingMode.Reducing };
            }
            else
            {
                errors.Add(Key(section, nameof(RiskLimits.KillSwitchMode)).Invalid(mode, "Halted or Reducing"));
            }
        }

        if (Value(section, nameof(RiskLimits.ResumeOnNewDay)) is { } resume)
        {
            if (bool.TryParse(resume, out var flag))
            {
                limits = limits with { ResumeOnNewDay = flag };
            }
            else
            {
                errors.Add(Key(section, nameof(RiskLimits.ResumeOnNewDay)).Invalid(resume, "true or false"));
            }
        }

        var bySymbol = new Dictionary<Symbol, decimal>();
        foreach (var child in section.GetSection(nameof(RiskLimits.MaxPositionBySymbol)).GetChildren())
        {
            var key = new SettingKey(child.Path, null);
            if (!SymbolList.TryParseOne(child.Key, out var symbol))
            {
                errors.Add($"invalid key '{child.Path}': '{child.Key}' is not a symbol ({SymbolList.Alphabet}).");
            }
            else if (!decimal.TryParse(child.Value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var limit) || limit < 0m)
            {
                errors.Add(key.Invalid(child.Value, NonNegativeAmount));
            }
            else
            {
                bySymbol[symbol] = limit;
            }
        }

        return bySymbol.Count == 0 ? limits : limits with { MaxPositionBySymbol = bySymbol };
    }

    private static RiskLimits Decimal(IConfigurationSection section, string name, string expected, List<string> errors, RiskLimits limits, Func<RiskLimits, decimal, RiskLimits> set)
    {
        if (Value(section, name) is not { } text)
        {
            return limits;
        }

        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            try
            {
                return set(limits, value);
            }
            catch (ArgumentOutOfRangeException)
            {
            }
        }

        errors.Add(Key(section, name).Invalid(text, expected));
        return limits;
    }

    private static RiskLimits Integer(IConfigurationSection section, string name, string expected, List<string> errors, RiskLimits limits, Func<RiskLimits, int, RiskLimits> set)
    {
        if (Value(section, name) is not { } text)
        {
            return limits;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            try
            {
                return set(limits, value);
            }
            catch (ArgumentOutOfRangeException)
            {
            }
        }

        errors.Add(Key(section, name).Invalid(text, expected));
        return limits;
    }

    private static string? Value(IConfigurationSection section, string name) =>
        section[name] is { } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    private static SettingKey Key(IConfigurationSection section, string name) => new(ConfigurationPath.Combine(section.Path, name), null);
}
