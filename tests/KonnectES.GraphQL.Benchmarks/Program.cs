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
// Usage: dotnet run -c Release --project tests/KonnectES.GraphQL.Benchmarks [-- --seconds 3 --http-seconds 10 --rounds 3]
var seconds = Option("--seconds", 3);
var httpSeconds = Option("--http-seconds", 10);
var js = Path.Combine(RepositoryRoot(), "tests", "KonnectES.GraphQL.Tests", "js");
if (!Directory.Exists(Path.Combine(js, "node_modules")))
{
    await Run("npm", ["ci", "--no-audit", "--no-fund", "--silent"], js);
}

var schema = BenchData.BuildSchema();
var executor = schema.CreateExecutor();
var rounds = Option("--rounds", 3);
var rows = new List<string>();

// The machine may be shared: measure in alternating rounds (graphql-js, then ours) and report medians.
var inProcess = new Dictionary<string, List<(double Ours, double Theirs, double Bytes)>> { ["flat"] = [], ["nested"] = [] };
for (var round = 0; round < rounds; round++)
{
    var node = JsonNode.Parse(await Run("node", ["bench-inprocess.mjs", seconds.ToString(CultureInfo.InvariantCulture)], js))!;
    foreach (var (name, query) in new[] { ("flat", BenchData.FlatQuery), ("nested", BenchData.NestedQuery) })
    {
        var (opsPerSecond, bytesPerOp) = await MeasureAsync(executor, query, seconds);
        inProcess[name].Add((opsPerSecond, node[name]!.GetValue<double>(), bytesPerOp));
    }
}

foreach (var (name, results) in inProcess)
{
    rows.Add($"| in-process, {Describe(name)} | {Median(results.Select(r => r.Ours)):N0} ops/s | {Median(results.Select(r => r.Bytes)) / 1024.0:N0} KB/op "
        + $"| {Median(results.Select(r => r.Theirs)):N0} ops/s | {Median(results.Select(r => r.Ours / r.Theirs)):N1}× | {Ratios(results.Select(r => r.Ours / r.Theirs))} |");
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
    await Load(js, nodeUrl, query, 2);
    var results = new List<(double Ours, double Theirs, double OurP99, double TheirP99)>();
    for (var round = 0; round < rounds; round++)
    {
        var ours = JsonNode.Parse(await Load(js, ourUrl, query, httpSeconds))!;
        var theirs = JsonNode.Parse(await Load(js, nodeUrl, query, httpSeconds))!;
        if (ours["non2xx"]!.GetValue<int>() != 0 || theirs["non2xx"]!.GetValue<int>() != 0)
        {
            throw new InvalidOperationException("non-2xx responses: " + ours + " " + theirs);
        }

        results.Add((ours["requestsPerSecond"]!.GetValue<double>(), theirs["requestsPerSecond"]!.GetValue<double>(), ours["p99"]!.GetValue<double>(), theirs["p99"]!.GetValue<double>()));
    }

    rows.Add($"| HTTP, {Describe(name)} | {Median(results.Select(r => r.Ours)):N0} req/s (p99 {Median(results.Select(r => r.OurP99)):N0} ms) | "
        + $"| {Median(results.Select(r => r.Theirs)):N0} req/s (p99 {Median(results.Select(r => r.TheirP99)):N0} ms) | {Median(results.Select(r => r.Ours / r.Theirs)):N1}× | {Ratios(results.Select(r => r.Ours / r.Theirs))} |");
}

nodeServer.Kill();
await app.StopAsync();
Console.WriteLine($"Load average at the end: {File.ReadAllText("/proc/loadavg").Trim()} ({Environment.ProcessorCount} cores)");
Console.WriteLine("| case | KonnectES.GraphQL | allocated | graphql-js 16.15 | ratio (median) | per-round ratios |");
Console.WriteLine("|---|---|---|---|---|---|");
rows.ForEach(Console.WriteLine);

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}

static string Ratios(IEnumerable<double> values) => string.Join(" ", values.Select(v => v.ToString("0.0", CultureInfo.InvariantCulture)));

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
