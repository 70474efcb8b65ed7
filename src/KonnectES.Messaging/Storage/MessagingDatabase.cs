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

    public NpgsqlDataSource DataSource { get; }

    public string ListenerConnectionString { get; }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
