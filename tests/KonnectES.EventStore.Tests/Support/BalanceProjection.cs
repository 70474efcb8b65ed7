using Microsoft.Extensions.Options;
using NpgsqlTypes;

namespace KonnectES.EventStore.Tests.Support;

/// <summary>
/// Account balances as a read model table, plus a log of every event it applied (to prove exactly-once and order).
/// </summary>
public abstract class BalanceProjection(IOptions<EventStoreOptions> options, string name) : IProjection
{
    private int _applied;

    public string Name => name;

    public string Table => $"{options.Value.Schema}.{name}";

    public string SeenTable => $"{options.Value.Schema}.{name}_seen";

    /// <summary>Events this instance applied (committed or not).</summary>
    public int Applied => Volatile.Read(ref _applied);

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<EventEnvelope> events, CancellationToken cancellationToken)
    {
        await EnsureTablesAsync(context, cancellationToken);
        foreach (var e in events)
        {
            Check(e);
            switch (e.Data)
            {
                case AccountOpened opened:
                    context.AddCommand(
                        $"INSERT INTO {Table} (account_id, owner, balance, events, last_seq, last_version) VALUES ($1, $2, 0, 1, $3, $4)",
                        opened.AccountId, opened.Owner, e.Position.Sequence, e.Version);
                    break;
                case MoneyDeposited deposited:
                    AddMovement(context, deposited.AccountId, deposited.Amount, e);
                    break;
                case MoneyWithdrawn withdrawn:
                    AddMovement(context, withdrawn.AccountId, -withdrawn.Amount, e);
                    break;
            }

            var seen = context.AddCommand($"INSERT INTO {SeenTable} (seq, tx) VALUES ($1, $2)", e.Position.Sequence, null);
            seen.Parameters[1].NpgsqlDbType = NpgsqlDbType.Xid8;
            seen.Parameters[1].Value = e.Position.Transaction;
        }

        Interlocked.Add(ref _applied, events.Count);
    }

    public async Task ResetAsync(ProjectionContext context, CancellationToken cancellationToken)
    {
        await EnsureTablesAsync(context, cancellationToken);
        context.AddCommand($"TRUNCATE {Table}, {SeenTable}");
    }

    protected virtual void Check(EventEnvelope e)
    {
    }

    private void AddMovement(ProjectionContext context, Guid account, decimal amount, EventEnvelope e) =>
        context.AddCommand(
            $"UPDATE {Table} SET balance = balance + $2, events = events + 1, last_seq = $3, last_version = $4 WHERE account_id = $1",
            account, amount, e.Position.Sequence, e.Version);

    private async Task EnsureTablesAsync(ProjectionContext context, CancellationToken cancellationToken)
    {
        // Every time: the transaction that first created them may have rolled back.
        await using var command = new Npgsql.NpgsqlCommand(
            $"""
            CREATE TABLE IF NOT EXISTS {Table} (account_id uuid PRIMARY KEY, owner text NOT NULL, balance numeric NOT NULL,
                events int NOT NULL, last_seq bigint NOT NULL, last_version bigint NOT NULL);
            CREATE TABLE IF NOT EXISTS {SeenTable} (n bigint GENERATED ALWAYS AS IDENTITY, seq bigint NOT NULL, tx xid8 NOT NULL);
            """,
            context.Connection,
            context.Transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

public sealed class InlineBalances(IOptions<EventStoreOptions> options) : BalanceProjection(options, "inline_balances")
{
    protected override void Check(EventEnvelope e)
    {
        if (e.Data is AccountOpened { Owner: "fail" })
        {
            throw new InvalidOperationException("The read model rejects owner 'fail'.");
        }
    }
}

public sealed class AsyncBalances(IOptions<EventStoreOptions> options) : BalanceProjection(options, "async_balances");

/// <summary>Cannot stand deposits of 13: its poison event.</summary>
public sealed class PickyBalances(IOptions<EventStoreOptions> options) : BalanceProjection(options, "picky_balances")
{
    protected override void Check(EventEnvelope e)
    {
        if (e.Data is MoneyDeposited { Amount: 13m })
        {
            throw new InvalidOperationException("Unlucky amount 13.");
        }
    }
}
