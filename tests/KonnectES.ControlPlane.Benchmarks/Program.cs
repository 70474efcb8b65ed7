using System.Diagnostics;
using System.Globalization;
using KonnectES.ControlPlane.Benchmarks;
using KonnectES.ControlPlane.Configuration;
using KonnectES.Domain;
using KonnectES.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// The benchmark, side by side in one run against a private PostgreSQL:
//  1. one route update through the command handler with every inline projection, on 10 vs 10,000 entities;
//  2. importing a 10,000-entity config; 3. the config at a version of a 10,000-version stream.
if (args is ["analytics", ..])
{
    await AnalyticsBenchmark.RunAsync();
    return;
}

var root = Directory.CreateTempSubdirectory("konnectes-cp-bench").FullName;
if (!OperatingSystem.IsWindows())
{
    File.SetUnixFileMode(root, (UnixFileMode)0b111_101_101);
}

var pgOptions = new PrivatePostgresOptions { DataDirectory = Path.Combine(root, "pg") };
pgOptions.Settings["shared_buffers"] = "1GB";
pgOptions.Settings["max_wal_size"] = "8GB";
await using var postgres = new PrivatePostgres(pgOptions);
await postgres.StartAsync();

var builder = Host.CreateApplicationBuilder();
builder.Logging.ClearProviders();
builder.Services.AddEventStore(o =>
{
    o.ConnectionString = postgres.ConnectionString;
    o.RegisterConfigEvents();
}).AddConfigReadModels();
builder.Services.AddConfigCommands();
using var host = builder.Build();
await host.StartAsync();
var handler = host.Services.GetRequiredService<ConfigCommandHandler>();
var history = host.Services.GetRequiredService<ConfigHistory>();
var checkpoints = host.Services.GetRequiredService<ConfigCheckpoints>();
var context = new CommandContext("bench");

async Task<Guid> CreateAsync(string name)
{
    var id = Guid.NewGuid();
    Check(await handler.HandleAsync(id, new CreateControlPlane(new ControlPlane { Name = name }), context));
    return id;
}

static CommandResult Check(CommandResult result) =>
    result.IsSuccess ? result : throw new InvalidOperationException(string.Join("; ", result.Errors));

// 2. Import 10,000 entities (also builds the large control plane of 1.).
var large = await CreateAsync("large");
var largeYaml = ConfigGenerator.Yaml(10_000, "l");
var decideWatch = Stopwatch.StartNew();
_ = ControlPlaneConfig.Decide(await handler.GetCurrentAsync(large), new ImportConfig(largeYaml, ConfigFormat.Yaml, ImportMode.Merge));
decideWatch.Stop();
Console.WriteLine($"deciding the import (domain only, no I/O): {decideWatch.Elapsed.TotalSeconds:0.00} s");
var importWatch = Stopwatch.StartNew();
var imported = Check(await handler.HandleAsync(large, new ImportConfig(largeYaml, ConfigFormat.Yaml, ImportMode.Merge), context));
importWatch.Stop();
Console.WriteLine($"imported {imported.Changes.Count} entities in {importWatch.Elapsed.TotalSeconds:0.00} s");

var small = await CreateAsync("small");
Check(await handler.HandleAsync(small, new ImportConfig(ConfigGenerator.Yaml(10, "s"), ConfigFormat.Yaml, ImportMode.Merge), context));

// 1. Route updates, interleaved so both sides see the same machine state.
var smallRoutes = (await handler.GetCurrentAsync(small)).Routes.ToList();
var largeRoutes = (await handler.GetCurrentAsync(large)).Routes.ToList();
var latencies = new Dictionary<Guid, Latencies> { [small] = new(), [large] = new() };
const int Warmup = 100, Measured = 1000;
for (var i = 0; i < Warmup + Measured; i++)
{
    foreach (var (cp, routes) in new[] { (small, smallRoutes), (large, largeRoutes) })
    {
        var route = routes[i % routes.Count];
        var update = new UpdateRoute(route with { Paths = [route.Paths[0] + "/v" + i.ToString(CultureInfo.InvariantCulture)] });
        var watch = Stopwatch.StartNew();
        Check(await handler.HandleAsync(cp, update, context));
        watch.Stop();
        if (i >= Warmup)
        {
            latencies[cp].Add(watch.Elapsed);
        }
    }
}

// 3. A 10,000-version stream (one consumer created per command), then the config at random versions.
var longStream = await CreateAsync("long");
for (var i = 0; i < 9_999; i++)
{
    Check(await handler.HandleAsync(longStream, new CreateConsumer(new Consumer { Id = Guid.NewGuid(), Username = $"c{i}" }), context));
}

await checkpoints.WhenWrittenAsync();
var random = new Random(7);
var configAt = new Latencies();
for (var probe = 0; probe < 30; probe++)
{
    var version = random.Next(1, 10_000);
    var watch = Stopwatch.StartNew();
    var state = await history.GetConfigAtAsync(longStream, version) ?? throw new InvalidOperationException("missing version");
    watch.Stop();
    if (state.Version != version || state.Consumers.Count() != version - 1)
    {
        throw new InvalidOperationException($"wrong state at {version}");
    }

    if (probe >= 5)
    {
        configAt.Add(watch.Elapsed);
    }
}

var s = latencies[small];
var l = latencies[large];
var ratio = l.Percentile(50) / s.Percentile(50);
var ratio99 = l.Percentile(99) / s.Percentile(99);
string Verdict(bool ok) => ok ? "met" : "NOT met";
Console.WriteLine();
Console.WriteLine($"| measurement | result | goal | |");
Console.WriteLine($"|---|---|---|---|");
Console.WriteLine($"| route update, 10 entities (p50 / p99, {s.Count} updates) | {s.Format(50)} / {s.Format(99)} ms | | |");
Console.WriteLine($"| route update, 10,000 entities (p50 / p99, {l.Count} updates) | {l.Format(50)} / {l.Format(99)} ms | | |");
Console.WriteLine($"| ratio 10,000 : 10 (p50 / p99) | {ratio:0.00} / {ratio99:0.00} | ≤ 1.5 | {Verdict(ratio <= 1.5)} |");
Console.WriteLine($"| import of a 10,000-entity config (one append, all projections) | {importWatch.Elapsed.TotalSeconds:0.00} s | ≤ 10 s | {Verdict(importWatch.Elapsed.TotalSeconds <= 10)} |");
Console.WriteLine($"| config at a random version of a 10,000-version stream (p50 / max, {configAt.Count} probes) | {configAt.Format(50)} / {configAt.Format(100)} ms | ≤ 200 ms | {Verdict(configAt.Percentile(100) <= 200)} |");

await host.StopAsync();
await postgres.StopAsync();
Directory.Delete(root, recursive: true);
