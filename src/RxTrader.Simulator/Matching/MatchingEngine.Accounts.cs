using RxTrader.Simulator.Accounts;

namespace RxTrader.Simulator.Matching;

/// <summary>Account setup and the account query.</summary>
public sealed partial class MatchingEngine
{
    /// <summary>Opens an account (an API key) with initial free balances.</summary>
    /// <param name="accountId">The account id (the API key the REST layer authenticates).</param>
    /// <param name="balances">Initial balances; their locked parts must be 0. Null for none.</param>
    /// <param name="commission">Commission rates; null for <see cref="MatchingEngineOptions.DefaultCommission"/>.</param>
    /// <exception cref="ArgumentException">The account exists, or a balance is negative or locked.</exception>
    public void CreateAccount(string accountId, IEnumerable<AssetBalance>? balances = null, CommissionRates? commission = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        commission ??= _options.DefaultCommission;
        commission.Validate();
        var initial = (balances ?? []).ToArray();
        foreach (var b in initial)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(b.Free, nameof(balances));
            ArgumentOutOfRangeException.ThrowIfNotEqual(b.Locked, 0m, nameof(balances));
        }

        lock (_gate)
        {
            if (_accounts.ContainsKey(accountId))
            {
                throw new ArgumentException($"Account '{accountId}' exists.", nameof(accountId));
            }

            var account = new Account(accountId, commission) { UpdateTime = Now() };
            foreach (var b in initial)
            {
                account.Credit(b.Asset, b.Free);
            }

            account.TakePositionChange(account.UpdateTime); // the initial state is not a change
            _accounts.Add(accountId, account);
        }
    }

    /// <summary>Adds <paramref name="amount"/> of <paramref name="asset"/> to an account's free balance.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="asset">The asset.</param>
    /// <param name="amount">A positive amount.</param>
    /// <exception cref="ArgumentException">The account does not exist.</exception>
    /// <remarks>Publishes a <see cref="BalanceUpdated"/>, then an <see cref="AccountPositionChanged"/>.</remarks>
    public void Deposit(string accountId, string asset, decimal amount)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        ArgumentException.ThrowIfNullOrEmpty(asset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        lock (_gate)
        {
            if (!_accounts.TryGetValue(accountId, out var account))
            {
                throw new ArgumentException($"Account '{accountId}' does not exist.", nameof(accountId));
            }

            account.Credit(asset, amount);
            TouchAccount(account);
            var now = Now();
            Publish(new BalanceUpdated(now, accountId, asset, amount));
            EndOperation(null, now);
        }

        _outbox.Flush();
    }

    /// <summary>The account's balances and rates (<c>GET /api/v3/account</c>).</summary>
    /// <param name="accountId">The account.</param>
    /// <returns>The snapshot, or <c>-2015</c> for an unknown account.</returns>
    public ExchangeResult<AccountSnapshot> GetAccount(string accountId)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        lock (_gate)
        {
            return TryGetAccount(accountId, out var account, out var error) ? new(account.Snapshot()) : new(error);
        }
    }
}
