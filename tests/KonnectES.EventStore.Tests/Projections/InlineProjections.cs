using KonnectES.EventStore.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace KonnectES.EventStore.Tests.Projections;

public sealed class InlineProjections(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private readonly string _schema = StoreHost.NewSchema();
    private StoreHost _host = null!;

    private IEventStore Store => _host.Store;

    public async Task InitializeAsync() =>
        _host = await StoreHost.StartAsync(database, _schema, b => b.AddProjection<InlineBalances>(ProjectionLifecycle.Inline));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_read_model_is_written_in_the_append_transaction_with_the_returned_sequence_and_version()
    {
        // Given
        var account = Guid.NewGuid();

        // When
        var result = await Store.AppendAsync(account, ExpectedVersion.NoStream, [new AccountOpened(account, "alice"), new MoneyDeposited(account, 25m)]);

        // Then the read model is current as soon as the append returns
        Assert.Equal(25m, await Store.ScalarAsync<decimal>($"SELECT balance FROM {_schema}.inline_balances WHERE account_id = '{account}'"));
        Assert.Equal(result.Position.Sequence, await Store.ScalarAsync<long>($"SELECT last_seq FROM {_schema}.inline_balances WHERE account_id = '{account}'"));
        Assert.Equal(2L, await Store.ScalarAsync<long>($"SELECT last_version FROM {_schema}.inline_balances WHERE account_id = '{account}'"));
    }

    [Fact]
    public async Task A_failing_inline_projection_fails_the_append_and_stores_nothing()
    {
        // Given
        var account = Guid.NewGuid();
        var before = await Store.ScalarAsync<long>($"SELECT count(*) FROM {_schema}.events");

        // When the projection throws
        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => Store.AppendAsync(account, ExpectedVersion.NoStream, [new AccountOpened(account, "fail")]));

        // Then
        Assert.Contains("rejects owner 'fail'", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await Store.ScalarAsync<long>($"SELECT count(*) FROM {_schema}.events"));
        Assert.Equal(0, await Store.GetStreamVersionAsync(account));
    }

    [Fact]
    public async Task Events_appended_in_the_callers_transaction_commit_or_roll_back_with_the_callers_own_rows()
    {
        // Given a table of the caller's own (e.g. an outbox)
        await Store.ExecuteAsync($"CREATE TABLE {_schema}.caller_rows (stream_id uuid, version bigint)");
        var kept = Guid.NewGuid();
        var dropped = Guid.NewGuid();

        // When one transaction commits and another rolls back
        foreach (var (account, commit) in new[] { (kept, true), (dropped, false) })
        {
            await using var connection = await Store.DataSource.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            var result = await Store.AppendInTransactionAsync(transaction, account, ExpectedVersion.NoStream, [new AccountOpened(account, "t")]);
            await using (var own = new NpgsqlCommand($"INSERT INTO {_schema}.caller_rows VALUES ('{account}', {result.Version})", connection, transaction))
            {
                await own.ExecuteNonQueryAsync();
            }

            if (commit)
            {
                await transaction.CommitAsync();
            }
            else
            {
                await transaction.RollbackAsync();
            }
        }

        // Then events, inline read model and the caller's rows share each outcome
        Assert.Equal(1, await Store.GetStreamVersionAsync(kept));
        Assert.Equal(0, await Store.GetStreamVersionAsync(dropped));
        Assert.Equal([kept], await Store.ColumnAsync<Guid>($"SELECT stream_id FROM {_schema}.caller_rows"));
        Assert.Equal(0L, await Store.ScalarAsync<long>($"SELECT count(*) FROM {_schema}.inline_balances WHERE account_id = '{dropped}'"));
        Assert.Equal(1L, await Store.ScalarAsync<long>($"SELECT count(*) FROM {_schema}.inline_balances WHERE account_id = '{kept}'"));
    }

    [Fact]
    public async Task An_append_participant_writes_in_the_same_transaction_and_hears_about_the_commit()
    {
        // Given a separate store with a participant
        await using var host = await StoreHost.StartAsync(database, StoreHost.NewSchema(), b =>
        {
            b.AddAppendParticipant<RecordingParticipant>();
            b.Services.AddSingleton(sp => (RecordingParticipant)sp.GetServices<IAppendParticipant>().Single());
        });
        var participant = host.Services.GetRequiredService<RecordingParticipant>();
        var account = Guid.NewGuid();

        // When
        var result = await host.Store.AppendAsync(account, ExpectedVersion.NoStream, [new AccountOpened(account, "p")]);

        // Then it ran inside the transaction (it saw the uncommitted stream) and after the commit
        Assert.Equal([result.Events[0].EventId], participant.Committed);
        Assert.Equal(1L, participant.VersionSeenInTransaction);
    }
}
