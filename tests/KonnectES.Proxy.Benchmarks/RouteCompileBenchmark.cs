using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using KonnectES.Domain;

namespace KonnectES.Proxy.Benchmarks;

/// <summary>
/// The data plane's router compile (<c>RouteTable.Compile</c>) of a configuration of N routes built the way the
/// product builds it: a declarative import decided and folded by the domain, then the snapshot document.
/// </summary>
internal static class RouteCompileBenchmark
{
    public sealed record Result(int Routes, int CompiledRoutes, int Errors, double DomainMs, int SnapshotBytes, IReadOnlyList<double> ParseMs, IReadOnlyList<double> CompileMs);

    public static Result Run(int routes, int runs)
    {
        var watch = Stopwatch.StartNew();
        var controlPlaneId = new Guid("3d0c6f0e-9a53-4b5e-9d61-8c2f3f1b7a10");
        var state = Apply(ControlPlaneConfig.Empty(controlPlaneId), new CreateControlPlane(new ControlPlane { Name = "default" }));
        state = Apply(state, new ImportConfig(ConfigYaml.Routes(routes), ConfigFormat.Yaml, ImportMode.Replace));
        var snapshot = SnapshotDocument.Create(state).ToJsonString();
        var domainMs = watch.Elapsed.TotalMilliseconds;

        // RouteTable is internal to the data plane; the harness reaches its public static Compile by name.
        var routeTable = Assembly.Load(new AssemblyName("KonnectES.DataPlane")).GetType("KonnectES.DataPlane.Routing.RouteTable", throwOnError: true)!;
        var compile = routeTable.GetMethod("Compile", [typeof(JsonDocument)])!.CreateDelegate<Func<JsonDocument, object>>();
        var count = routeTable.GetProperty("Count")!;
        var errors = routeTable.GetProperty("Errors")!;

        var parseMs = new List<double>();
        var compileMs = new List<double>();
        object? table = null;
        for (var run = -1; run < runs; run++)
        {
            watch.Restart();
            using var document = JsonDocument.Parse(snapshot);
            var parsed = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            table = compile(document);
            var compiled = watch.Elapsed.TotalMilliseconds;

            // Run -1 is the warm-up (JIT); it is not reported.
            if (run >= 0)
            {
                parseMs.Add(parsed);
                compileMs.Add(compiled);
            }
        }

        var errorCount = (int)errors.PropertyType.GetProperty("Length")!.GetValue(errors.GetValue(table))!;
        return new Result(routes, (int)count.GetValue(table)!, errorCount, domainMs, snapshot.Length, parseMs, compileMs);
    }

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
