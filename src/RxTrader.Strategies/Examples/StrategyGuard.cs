namespace RxTrader.Strategies.Examples;

/// <summary>The constructor checks the example strategies share, so their messages read the same.</summary>
internal static class StrategyGuard
{
    /// <summary>Throws unless <paramref name="period"/> is at least 2 (a one-bar average or RSI carries no information).</summary>
    public static void Period(int period, string paramName)
    {
        if (period < 2)
        {
            throw new ArgumentOutOfRangeException(paramName, period, "The period must be at least 2.");
        }
    }
}
