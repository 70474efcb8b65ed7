using System.Diagnostics;
using KonnectES.Messaging;
using KonnectES.Messaging.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// A process the tests kill on purpose.
//   enqueue-then-die <connection string> <schema> <order id>
//       commits an order and its message, then SIGKILLs itself: no relay ever runs in this process.
//   claim-then-die <connection string> <schema> <claim lease seconds>
//       runs a node whose handler SIGKILLs the process in the middle of handling the first claimed message.
if (args.Length < 4)
{
    Console.Error.WriteLine("usage: enqueue-then-die|claim-then-die <connection string> <schema> <argument>");
    return 2;
}

var (mode, connectionString, schema) = (args[0], args[1], args[2]);
var builder = Host.CreateApplicationBuilder();
builder.Logging.ClearProviders();
var messaging = builder.Services.AddMessaging(o =>
{
    o.ConnectionString = connectionString;
    o.Schema = schema;
    o.NodeName = $"test-host:{mode}";
    o.RunRelay = mode == "claim-then-die";
    if (mode == "claim-then-die")
    {
        o.Relay.ClaimLease = TimeSpan.FromSeconds(double.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture));
        o.Nodes.HeartbeatInterval = o.Relay.ClaimLease / 4;
        o.Nodes.StaleAfter = o.Relay.ClaimLease * 2;
    }
}).AddToyMessageTypes();
if (mode == "claim-then-die")
{
    messaging.AddHandler<OrderPlaced, CrashingOrderHandler>();
}

using var host = builder.Build();
await host.StartAsync();
if (mode == "enqueue-then-die")
{
    var outbox = host.Services.GetRequiredService<IOutbox>();
    await using var connection = new Npgsql.NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var transaction = await connection.BeginTransactionAsync();
    var id = await outbox.EnqueueAsync(transaction, new OrderPlaced(Guid.Parse(args[3]), "crash test", 42m));
    await transaction.CommitAsync();
    Console.Out.WriteLine($"committed {id}");
    Console.Out.Flush();
    Process.GetCurrentProcess().Kill();
}

await host.WaitForShutdownAsync();
return 0;
