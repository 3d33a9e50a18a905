namespace RxTrader.Host.Configuration;

/// <summary>Where the engine gets its market data and sends its orders.</summary>
public enum ExchangeKind
{
    /// <summary>The embedded Binance-compatible simulator on loopback, on its demo paper account (the default).</summary>
    Sim = 0,

    /// <summary>Binance spot (<c>api.binance.com</c>): real market data and, with <see cref="RunSettings.Live"/>, real orders.</summary>
    Binance,

    /// <summary>The Binance spot test network (<c>testnet.binance.vision</c>): test orders, test funds.</summary>
    Testnet,
}
