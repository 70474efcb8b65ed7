using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KonnectES.DataPlane.Proxy;
using KonnectES.DataPlane.Plugins;
using KonnectES.DataPlane.Routing;
using KonnectES.DataPlane.Sync;
using KonnectES.Domain;
using Microsoft.Extensions.Logging.Abstractions;

namespace KonnectES.Proxy.Benchmarks;

/// <summary>
/// The data plane's router compile (<c>RouteTable.Compile</c>) of a configuration of N routes built the way the
/// product builds it: a declarative import decided and folded by the domain, then the snapshot document; and the
/// data plane's whole apply path in process, stage by stage, for the snapshot a config swap ships.
/// </summary>
internal static class RouteCompileBenchmark
{
    public sealed record Result(
        int Routes, int CompiledRoutes, int Errors, double DomainMs, int SnapshotBytes, IReadOnlyList<double> ParseMs, IReadOnlyList<double> CompileMs,
        IReadOnlyList<Stage> Stages);

    /// <summary>One timed stage of the apply path: its runs in milliseconds.</summary>
    public sealed record Stage(string Name, IReadOnlyList<double> Ms);

    public static Result Run(int routes, int runs)
    {
        var watch = Stopwatch.StartNew();
        var controlPlaneId = new Guid("3d0c6f0e-9a53-4b5e-9d61-8c2f3f1b7a10");
        var empty = Apply(ControlPlaneConfig.Empty(controlPlaneId), new CreateControlPlane(new ControlPlane { Name = "default" }));
        var state = Apply(empty, new ImportConfig(ConfigYaml.Routes(routes), ConfigFormat.Yaml, ImportMode.Replace));
        var snapshot = SnapshotDocument.Create(state).ToJsonString();
        var domainMs = watch.Elapsed.TotalMilliseconds;

        var parseMs = new List<double>();
        var compileMs = new List<double>();
        RouteTable? table = null;
        for (var run = -1; run < runs; run++)
        {
            watch.Restart();
            using var document = JsonDocument.Parse(snapshot);
            var parsed = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            table = RouteTable.Compile(document);
            var compiled = watch.Elapsed.TotalMilliseconds;

            // Run -1 is the warm-up (JIT); it is not reported.
            if (run >= 0)
            {
                parseMs.Add(parsed);
                compileMs.Add(compiled);
            }
        }

        var stages = ApplyPath(empty, routes, runs);
        return new Result(routes, table!.Count, table.Errors.Length, domainMs, snapshot.Length, parseMs, compileMs, stages);
    }

    /// <summary>The stages of the apply path, as printed after the compile table.</summary>
    public static void Print(Result result)
    {
        Console.WriteLine($"| data plane apply path (in process, the swap's {result.Routes:N0}-route snapshot) | median | min | max | runs |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var stage in result.Stages)
        {
            var sorted = stage.Ms.Order().ToArray();
            var median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture, $"| {stage.Name} | {median:N1} ms | {sorted[0]:N1} ms | {sorted[^1]:N1} ms | {sorted.Length} |"));
        }

        Console.WriteLine();
    }

    // v1: the bench configuration; v2: the bench configuration plus N routes (what the swap imports); v3: v2 with one
    // route's path changed. Timed: the full snapshot of v2 from scratch, the delta v1 → v2 and the delta v2 → v3.
    private static List<Stage> ApplyPath(ControlPlaneConfig empty, int routes, int runs)
    {
        var v1 = Apply(empty, new ImportConfig(ConfigYaml.Bench(Ports.Upstream), ConfigFormat.Yaml, ImportMode.Replace));
        var v2 = Apply(v1, new ImportConfig(SwapYaml(Ports.Upstream, routes), ConfigFormat.Yaml, ImportMode.Replace));
        var small = Document(v1);
        var big = Document(v2);
        var changed = big.DeepClone().AsObject();
        var route = changed["routes"]!.AsArray().First(r => (string?)r!["name"] == "route-0-0")!;
        route["paths"] = new JsonArray("/svc/0/0-changed");
        changed["_konnectes"]!["version"] = v2.Version + 1;

        var smallBytes = Encoding.UTF8.GetBytes(small.ToJsonString());
        var bigBytes = Encoding.UTF8.GetBytes(big.ToJsonString());
        var growDelta = Encoding.UTF8.GetBytes(Delta(small, big));
        var changeDelta = Encoding.UTF8.GetBytes(Delta(big, changed));
        var held = SnapshotState.FromDocument(JsonSerializer.Deserialize<JsonElement>(smallBytes));
        var stores = new PluginStores();

        var stages = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        void Time(string name, Action action, bool report)
        {
            var watch = Stopwatch.StartNew();
            action();
            if (report)
            {
                (stages.TryGetValue(name, out var list) ? list : stages[name] = []).Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        var fullBytes = bigBytes.Length.ToString("N0", CultureInfo.InvariantCulture);
        var growBytes = growDelta.Length.ToString("N0", CultureInfo.InvariantCulture);
        for (var run = -1; run < runs; run++)
        {
            var report = run >= 0;

            // A full snapshot onto an empty data plane.
            var holder = new ProxyConfigurationHolder(stores, NullLogger<ProxyConfigurationHolder>.Instance);
            SnapshotState full = null!;
            Time($"full snapshot ({fullBytes} bytes): parse, read and hash every entity (`SnapshotState.FromDocument`)", () =>
                full = SnapshotState.FromDocument(JsonSerializer.Deserialize<JsonElement>(bigBytes)), report);
            Time("— compile and swap onto an empty data plane (`ProxyConfigurationHolder.ApplyAsync`)", () => Applied(holder, full), report);

            // The swap: the delta from the bench configuration to the bench configuration plus N routes.
            holder = new ProxyConfigurationHolder(stores, NullLogger<ProxyConfigurationHolder>.Instance);
            Applied(holder, held);
            SnapshotDelta delta = null!;
            SnapshotState next = null!;
            Time($"delta adding {routes:N0} routes ({growBytes} bytes): parse (`SnapshotDelta.Parse`)", () => delta = SnapshotDelta.Parse(growDelta), report);
            Time("— apply to the held snapshot and hash (`SnapshotState.Apply`)", () => next = held.Apply(delta), report);
            Time("— compile and swap onto the bench configuration (`ProxyConfigurationHolder.ApplyAsync`)", () => Applied(holder, next), report);

            // One route changed on the large configuration.
            Time("delta changing 1 route of the large configuration: parse, apply and hash", () => next = next.Apply(SnapshotDelta.Parse(changeDelta)), report);
            Time("— compile and swap onto the large configuration (`ProxyConfigurationHolder.ApplyAsync`)", () => Applied(holder, next), report);
        }

        return [.. stages.Select(s => new Stage(s.Key, s.Value))];
    }

    private static void Applied(ProxyConfigurationHolder holder, SnapshotState state)
    {
        var result = holder.ApplyAsync(state.ToAppliedSnapshot(), CancellationToken.None).AsTask().GetAwaiter().GetResult();
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException("The data plane refused the snapshot: " + result.Errors[0]);
        }
    }

    /// <summary>The bench configuration plus the compile row's routes (services of five routes, one path and two methods each).</summary>
    public static string SwapYaml(int upstreamPort, int routes)
    {
        var extra = ConfigYaml.Routes(routes);
        return ConfigYaml.Bench(upstreamPort) + extra[(extra.IndexOf("services:\n", StringComparison.Ordinal) + "services:\n".Length)..];
    }

    private static JsonObject Document(ControlPlaneConfig state)
    {
        var document = SnapshotDocument.Create(state);
        document["_konnectes"]!["snapshot_hash"] = SnapshotContentHash.OfDocument(JsonSerializer.SerializeToElement(document)).ToString();
        return document;
    }

    // The delta the control plane sends (GET /v1/config?since=N): changed or new entities, and the ids of removed ones.
    private static string Delta(JsonObject from, JsonObject to)
    {
        var header = to["_konnectes"]!;
        var upserts = new JsonObject();
        var deletes = new JsonObject();
        foreach (var section in SnapshotDocument.Sections)
        {
            var before = Entities(from, section);
            var after = Entities(to, section);
            var changed = after.Where(e => !before.TryGetValue(e.Key, out var old) || old.ToJsonString() != e.Value.ToJsonString()).Select(e => e.Value.DeepClone()).ToArray();
            var removed = before.Keys.Where(id => !after.ContainsKey(id)).Select(id => (JsonNode)JsonValue.Create(id)).ToArray();
            if (changed.Length > 0)
            {
                upserts[section] = new JsonArray(changed);
            }

            if (removed.Length > 0)
            {
                deletes[section] = new JsonArray(removed);
            }
        }

        var snapshotHash = SnapshotContentHash.OfDocument(JsonSerializer.SerializeToElement(to));
        return new JsonObject
        {
            ["_konnectes"] = new JsonObject
            {
                ["from_version"] = (long)from["_konnectes"]!["version"]!,
                ["version"] = (long)header["version"]!,
                ["config_hash"] = (string)header["config_hash"]!,
                ["snapshot_hash"] = snapshotHash.ToString(),
            },
            ["upserts"] = upserts,
            ["deletes"] = deletes,
        }.ToJsonString();
    }

    private static Dictionary<string, JsonNode> Entities(JsonObject document, string section) =>
        (document[section] as JsonArray ?? []).ToDictionary(e => (string)e!["id"]!, e => e!, StringComparer.Ordinal);

    private static ControlPlaneConfig Apply(ControlPlaneConfig state, IConfigCommand command)
    {
        var result = ControlPlaneConfig.Decide(state, command);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"{command.GetType().Name} failed: {string.Join("; ", result.Errors)}");
        }

        return ControlPlaneConfig.Fold(state, result.Value);
    }
}
