namespace KonnectES.EventStore.Tests.Support;

public sealed record AccountOpened(Guid AccountId, string Owner);

public sealed record MoneyDeposited(Guid AccountId, decimal Amount);

public sealed record MoneyWithdrawn(Guid AccountId, decimal Amount);

public sealed record AccountState(string Owner, decimal Balance, int Transactions);

/// <summary>The toy domain of these tests.</summary>
public static class BankAccount
{
    public static void Register(EventTypes types)
    {
        types.Register<AccountOpened>("account_opened")
            .Register<MoneyDeposited>("money_deposited")
            .Register<MoneyWithdrawn>("money_withdrawn");
    }

    public static AccountState Evolve(AccountState state, object @event) => @event switch
    {
        AccountOpened opened => state with { Owner = opened.Owner },
        MoneyDeposited deposited => state with { Balance = state.Balance + deposited.Amount, Transactions = state.Transactions + 1 },
        MoneyWithdrawn withdrawn => state with { Balance = state.Balance - withdrawn.Amount, Transactions = state.Transactions + 1 },
        _ => state,
    };
}
