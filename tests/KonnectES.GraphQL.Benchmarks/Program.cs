using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using KonnectES.GraphQL.Benchmarks;
using KonnectES.GraphQL.Execution;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// Runs the engine and graphql-js on the same schema, data and queries, in-process and over HTTP on loopback.
// Usage: dotnet run -c Release --project tests/KonnectES.GraphQL.Benchmarks [-- --seconds 3 --http-seconds 10]
var seconds = Option("--seconds", 3);
var httpSeconds = Option("--http-seconds", 10);
var js = Path.Combine(RepositoryRoot(), "tests", "KonnectES.GraphQL.Tests", "js");
if (!Directory.Exists(Path.Combine(js, "node_modules")))
{
    await Run("npm", ["ci", "--no-audit", "--no-fund", "--silent"], js);
}

var schema = BenchData.BuildSchema();
var executor = schema.CreateExecutor();
var rows = new List<string>();
var nodeInProcess = JsonNode.Parse(await Run("node", ["bench-inprocess.mjs", seconds.ToString(CultureInfo.InvariantCulture)], js))!;
foreach (var (name, query) in new[] { ("flat", BenchData.FlatQuery), ("nested", BenchData.NestedQuery) })
{
    var (opsPerSecond, bytesPerOp) = await MeasureAsync(executor, query, seconds);
    var node = nodeInProcess[name]!.GetValue<double>();
    rows.Add($"| in-process, {Describe(name)} | {opsPerSecond:N0} ops/s | {bytesPerOp / 1024.0:N0} KB/op | {node:N0} ops/s | {opsPerSecond / node:N1}× |");
}

// Over HTTP: each server gets core 0, the load generator core 1.
if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
{
    Process.GetCurrentProcess().ProcessorAffinity = 1;
}

var app = await StartServerAsync(schema);
var ourUrl = app.Urls.First() + "/graphql";
using var nodeServer = StartNodeServer(js);
var nodeUrl = $"http://127.0.0.1:{await nodeServer.StandardOutput.ReadLineAsync()}/graphql";
foreach (var (name, query) in new[] { ("flat", BenchData.FlatQuery), ("nested", BenchData.NestedQuery), ("small", "{ users { id } }") })
{
    await Load(js, ourUrl, query, 2);
    var ours = JsonNode.Parse(await Load(js, ourUrl, query, httpSeconds))!;
    var theirs = JsonNode.Parse(await Load(js, nodeUrl, query, httpSeconds))!;
    var ourRate = ours["requestsPerSecond"]!.GetValue<double>();
    var theirRate = theirs["requestsPerSecond"]!.GetValue<double>();
    rows.Add($"| HTTP, {Describe(name)} | {ourRate:N0} req/s (p99 {ours["p99"]} ms, non-2xx {ours["non2xx"]}) | | {theirRate:N0} req/s (p99 {theirs["p99"]} ms) | {ourRate / theirRate:N1}× |");
}

nodeServer.Kill();
await app.StopAsync();
Console.WriteLine($"Load average at the end: {File.ReadAllText("/proc/loadavg").Trim()} ({Environment.ProcessorCount} cores)");
Console.WriteLine("| case | KonnectES.GraphQL | allocated | graphql-js 16.15 | ratio |");
Console.WriteLine("|---|---|---|---|---|");
rows.ForEach(Console.WriteLine);

static string Describe(string name) => name switch
{
    "flat" => "1,000 objects × 10 fields",
    "nested" => "3 levels through DataLoaders (100 users × 10 todos × owner)",
    _ => "small query `{ users { id } }`",
};

static async Task<(double OpsPerSecond, double BytesPerOp)> MeasureAsync(RequestExecutor executor, string query, int seconds)
{
    var request = new GraphQLRequest { Query = query };
    using var stream = new MemoryStream();
    async Task RunOnce()
    {
        var result = await executor.ExecuteAsync(request, new RequestContext());
        if (result.Errors is not null)
        {
            throw new InvalidOperationException(result.ToJson());
        }

        stream.SetLength(0);
        await using var writer = new Utf8JsonWriter(stream);
        result.WriteTo(writer);
    }

    var warm = Stopwatch.StartNew();
    while (warm.Elapsed < TimeSpan.FromSeconds(2))
    {
        await RunOnce();
    }

    var bytes = GC.GetTotalAllocatedBytes(true);
    var ops = 0;
    var watch = Stopwatch.StartNew();
    while (watch.Elapsed < TimeSpan.FromSeconds(seconds))
    {
        await RunOnce();
        ops++;
    }

    return (ops / watch.Elapsed.TotalSeconds, (GC.GetTotalAllocatedBytes(true) - bytes) / (double)ops);
}

static async Task<WebApplication> StartServerAsync(KonnectES.GraphQL.Types.Schema schema)
{
    var builder = WebApplication.CreateSlimBuilder();
    builder.Logging.ClearProviders();
    builder.WebHost.UseUrls("http://127.0.0.1:0");
    builder.Services.AddGraphQL(schema);
    var app = builder.Build();
    app.MapGraphQL("/graphql");
    await app.StartAsync();
    return app;
}

static Process StartNodeServer(string js)
{
    var start = new ProcessStartInfo("taskset", ["-c", "0", "node", "bench-server.mjs", "0"])
    {
        WorkingDirectory = js,
        RedirectStandardOutput = true,
        UseShellExecute = false,
    };
    return Process.Start(start)!;
}

static Task<string> Load(string js, string url, string query, int seconds) =>
    Run("taskset", ["-c", "1", "node", "bench-load.mjs", url, query, seconds.ToString(CultureInfo.InvariantCulture), "32"], js);

static async Task<string> Run(string file, string[] arguments, string directory)
{
    var start = new ProcessStartInfo(file, arguments) { WorkingDirectory = directory, RedirectStandardOutput = true, UseShellExecute = false };
    using var process = Process.Start(start)!;
    var output = await process.StandardOutput.ReadToEndAsync();
    await process.WaitForExitAsync();
    return output;
}

static string RepositoryRoot()
{
    var directory = new DirectoryInfo(AppContext.BaseDirectory);
    while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "KonnectES.sln")))
    {
        directory = directory.Parent;
    }

    return directory?.FullName ?? throw new InvalidOperationException("Repository root not found");
}

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
