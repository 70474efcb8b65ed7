namespace KonnectES.EventStore.Tests.Support;

public sealed class AccountAggregator(int snapshotEvery = 0, int schemaVersion = 1) : IStreamAggregator<AccountState>
{
    public int Applied { get; private set; }

    public string Name => "account";

    public int SchemaVersion => schemaVersion;

    public int SnapshotEvery => snapshotEvery;

    public Task<AggregateResult<AccountState>> FoldWith(IEventStore store, Guid account) => store.AggregateAsync(account, this);

    public AccountState Initial() => new(string.Empty, 0m, 0);

    public AccountState Apply(AccountState state, EventEnvelope @event)
    {
        Applied++;
        return BankAccount.Evolve(state, @event.Data);
    }
}
