using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace KonnectES.Messaging.Tests.Support;

/// <summary>A real generic host running one messaging node with the toy handlers against a test database.</summary>
public sealed class MessagingHost : IAsyncDisposable
{
    private static int _schemas;
    private readonly IHost _host;
    private bool _stopped;

    private MessagingHost(IHost host, string connectionString, string schema)
    {
        _host = host;
        ConnectionString = connectionString;
        Schema = schema;
    }

    /// <summary>Generous enough for a loaded 2-core machine; only reached when a test fails.</summary>
    public static TimeSpan Patience { get; } = TimeSpan.FromSeconds(30);

    public string ConnectionString { get; }

    public string Schema { get; }

    public IOutbox Outbox => _host.Services.GetRequiredService<IOutbox>();

    public IMessageTracker Tracker => _host.Services.GetRequiredService<IMessageTracker>();

    public IDeadLetterQueue DeadLetters => _host.Services.GetRequiredService<IDeadLetterQueue>();

    public Ledger Ledger => _host.Services.GetRequiredService<Ledger>();

    public PaymentGate PaymentGate => _host.Services.GetRequiredService<PaymentGate>();

    public IServiceProvider Services => _host.Services;

    /// <summary>A schema name no other test of this process uses.</summary>
    public static string NewSchema() => $"msg{Interlocked.Increment(ref _schemas)}";

    public static async Task<MessagingHost> StartAsync(string connectionString, string schema, Action<MessagingOptions>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<Ledger>();
        builder.Services.AddSingleton<PaymentGate>();
        builder.Services.AddMessaging(o =>
            {
                o.ConnectionString = connectionString;
                o.Schema = schema;
                o.Relay.PollInterval = TimeSpan.FromMilliseconds(200);
                o.Retry.InitialDelay = TimeSpan.FromMilliseconds(5);
                o.Retry.MaxDelay = TimeSpan.FromMilliseconds(50);
                o.Retry.MaxAttempts = 3;
                configure?.Invoke(o);
            })
            .AddToyMessageTypes()
            .AddMessageType<InvoiceIssued>("invoices.invoice-issued")
            .AddMessageType<TodoCompleted>("todos.todo-completed")
            .AddMessageType<PriceChanged>("catalog.price-changed")
            .AddMessageType<ReminderDue>("todos.reminder-due")
            .AddMessageType<PaymentCaptured>("payments.payment-captured")
            .AddHandler<OrderPlaced, OrderPlacedHandler>()
            .AddHandler<InvoiceIssued, FlakyInvoiceHandler>()
            .AddHandler<TodoCompleted, TodoCompletedHandler>()
            .AddHandler<PriceChanged, PriceChangedHandler>()
            .AddHandler<PaymentCaptured, StallingPaymentHandler>();
        var host = builder.Build();
        await host.StartAsync();
        return new MessagingHost(host, connectionString, schema);
    }

    /// <summary>Enqueues messages in a transaction of the test's own, like a host writing its own rows.</summary>
    public async Task<IReadOnlyList<Guid>> CommitAsync(params OutgoingMessage[] messages)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var ids = await Outbox.EnqueueManyAsync(transaction, messages);
        await transaction.CommitAsync();
        return ids;
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql.Replace("{schema}", Schema, StringComparison.Ordinal), connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public Task<HandledMessage> HandledAsync(Guid id) => Tracker.WaitForHandledAsync(id).WaitAsync(Patience);

    public Task DrainedAsync() => Tracker.WaitForOutboxDrainedAsync().WaitAsync(Patience);

    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _host.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _host.Dispose();
    }
}
