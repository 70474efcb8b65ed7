using Microsoft.Extensions.Options;
using Npgsql;

namespace KonnectES.Messaging.Storage;

/// <summary>
/// The pooled data source, the unpooled listener connection string and the SQL of one schema.
/// </summary>
internal sealed class MessagingDatabase : IAsyncDisposable
{
    public MessagingDatabase(IOptions<MessagingOptions> options)
    {
        var value = options.Value;
        Schema = value.Schema;
        Sql = new MessagingSql(value.Schema);
        var builder = new NpgsqlDataSourceBuilder(value.ConnectionString);
        builder.ConnectionStringBuilder.MaxAutoPrepare = Math.Max(builder.ConnectionStringBuilder.MaxAutoPrepare, 32);
        builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
        DataSource = builder.Build();

        // The relay's own transactions (claims, dispatch bookkeeping, publishing, heartbeats) commit without
        // waiting for the WAL flush: the producer's outbox row is durable, and a relay transaction lost in a
        // server crash only means the message is claimed and dispatched again (delivery is at-least-once).
        var relay = new NpgsqlDataSourceBuilder(value.ConnectionString);
        relay.ConnectionStringBuilder.MaxAutoPrepare = Math.Max(relay.ConnectionStringBuilder.MaxAutoPrepare, 32);
        relay.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
        relay.ConnectionStringBuilder.NoResetOnClose = true;
        relay.ConnectionStringBuilder.Options = $"{relay.ConnectionStringBuilder.Options} -c synchronous_commit=off".Trim();
        relay.ConnectionStringBuilder.ApplicationName ??= "konnectes-messaging-relay";
        RelayDataSource = relay.Build();

        // LISTEN needs a session of its own: never a pooled (or PgBouncer transaction-pooled) connection.
        ListenerConnectionString = new NpgsqlConnectionStringBuilder(value.ConnectionString)
        {
            Pooling = false,
            KeepAlive = 15,
            ApplicationName = "konnectes-messaging-listener",
        }.ConnectionString;
    }

    public string Schema { get; }

    public MessagingSql Sql { get; }

    /// <summary>For the caller-facing API (sending, dead letters, waits): commits are durable.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>For the node's own bookkeeping: asynchronous commit (see the constructor).</summary>
    public NpgsqlDataSource RelayDataSource { get; }

    public string ListenerConnectionString { get; }

    public async ValueTask DisposeAsync()
    {
        await RelayDataSource.DisposeAsync();
        await DataSource.DisposeAsync();
    }
}
