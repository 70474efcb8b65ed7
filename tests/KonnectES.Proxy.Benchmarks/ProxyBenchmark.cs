using System.Globalization;
using System.Reflection;

namespace KonnectES.Proxy.Benchmarks;

/// <summary>
/// The run: the router compile, then every target with the same wrk settings one after another (the upstream directly,
/// nginx, bare YARP, the data plane without and with plugins), round after round, then the config swap under load.
/// </summary>
internal static class ProxyBenchmark
{
    public static async Task RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        Installer.EnsureTools(options.Install);
        Console.WriteLine($"# machine: {Machine.Describe()}");
        Console.WriteLine($"# started {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss} UTC, load average {LoadAverage.Read()}, wrk {options.WrkSettings} after a {options.WarmupSeconds}s warm-up, {options.Rounds} round(s)");

        if (options.Compile)
        {
            var compile = RouteCompileBenchmark.Run(options.SwapRoutes, options.CompileRuns);
            ResultTable.PrintCompile(compile);
            RouteCompileBenchmark.Print(compile);
        }

        if (options.CompileOnly)
        {
            Console.WriteLine($"# finished {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss} UTC, load average {LoadAverage.Read()}");
            return;
        }

        var runDirectory = Path.Combine(Path.GetTempPath(), "konnectes-proxybench-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(runDirectory);
        using var upstream = options.KestrelUpstream
            ? Self("upstream", [Ports.Upstream.ToString(CultureInfo.InvariantCulture)], runDirectory)
            : NginxConfigs.Start("upstream", NginxConfigs.Upstream(Ports.Upstream), runDirectory);
        // --swap-only: the upstream and the data plane for the swap, no nginx, no bare YARP, no wrk rounds.
        var measureTargets = !options.SwapOnly;
        using var nginx = measureTargets ? NginxConfigs.Start("nginx", NginxConfigs.ReverseProxy(Ports.Nginx, Ports.Upstream), runDirectory) : null;
        using var yarp = measureTargets ? Self("yarp", [Ports.Yarp.ToString(CultureInfo.InvariantCulture), $"http://127.0.0.1:{Ports.Upstream}/"], runDirectory) : null;

        var targets = new List<Target>
        {
            new(options.KestrelUpstream ? "upstream direct (Kestrel)" : "upstream direct (nginx static)", $"http://127.0.0.1:{Ports.Upstream}/", [], upstream),
        };
        if (nginx is not null && yarp is not null)
        {
            targets.Add(new("nginx reverse proxy (keepalive)", $"http://127.0.0.1:{Ports.Nginx}/", [], nginx));
            targets.Add(new("bare YARP (IHttpForwarder, one destination)", $"http://127.0.0.1:{Ports.Yarp}/", [], yarp));
        }

        foreach (var target in targets)
        {
            await Http.WaitForBodyAsync(target.Url, [], TimeSpan.FromSeconds(60), cancellationToken);
        }

        await using var dataPlane = options.DataPlane ? await DataPlaneServer.TryStartAsync(runDirectory, cancellationToken) : null;
        if (dataPlane is not null && measureTargets && options.SeparateDataPlane && await dataPlane.TryStartSeparateAsync(runDirectory, cancellationToken))
        {
            // As data planes run in production: the data-plane role in its own process; its CPU is its own.
            targets.Add(new("(a) data plane, no plugin", DataPlaneServer.SeparatePlainUrl, [], dataPlane.SeparateProcess!));
            targets.Add(new("(b) data plane, key-auth + rate-limiting", DataPlaneServer.SeparateAuthUrl, [$"apikey: {ConfigYaml.ApiKey}"], dataPlane.SeparateProcess!));
        }

        if (dataPlane is not null && options.AllInOne)
        {
            targets.Add(new("(a) all-in-one, no plugin", dataPlane.PlainUrl, [], dataPlane.Process));
            targets.Add(new("(b) all-in-one, key-auth + rate-limiting", dataPlane.AuthUrl, [$"apikey: {ConfigYaml.ApiKey}"], dataPlane.Process));
        }

        if (measureTargets)
        {
            var results = targets.ToDictionary(t => t.Name, _ => new List<TargetResult>());
            for (var round = 1; round <= options.Rounds; round++)
            {
                Console.WriteLine($"# round {round} of {options.Rounds}");
                foreach (var target in targets)
                {
                    results[target.Name].Add(await Measurement.MeasureAsync(options, target, upstream, cancellationToken));
                }
            }

            ResultTable.Print(options, results);
        }

        if (dataPlane is not null && options.Swap)
        {
            dataPlane.StopSeparate();
            var swap = await ConfigSwap.RunAsync(options, dataPlane, cancellationToken);
            ConfigSwap.Print(swap);
        }

        Console.WriteLine($"# finished {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss} UTC, load average {LoadAverage.Read()}; logs in {runDirectory}");
    }

    private static ChildProcess Self(string mode, IReadOnlyList<string> arguments, string runDirectory)
    {
        // Under `dotnet run` the process is the apphost; under `dotnet x.dll` it is dotnet itself.
        var host = Environment.ProcessPath ?? "dotnet";
        var prefix = Path.GetFileNameWithoutExtension(host) == "dotnet" ? new[] { Assembly.GetExecutingAssembly().Location } : [];
        return ChildProcess.Start(mode, host, [.. prefix, mode, .. arguments], Path.Combine(runDirectory, mode + ".log"));
    }
}
