using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using KonnectES.Cluster.Support;
using KonnectES.DataPlane.Sync;
using KonnectES.Postgres;
using Microsoft.Extensions.Logging.Abstractions;

namespace KonnectES.Cluster.Benchmarks;

/// <summary>The entry point (a class of its own: the server's top-level Program is the one the host is built from).</summary>
internal static class ClusterBenchmark
{
    public static async Task Main()
    {
        // Snapshot distribution, against a private PostgreSQL and the real server composition in-process:
        //  1. propagation latency from a mutation until 1, 10 and 100 data planes (real sync clients) hold the new snapshot;
        //  2. bytes on the wire for a one-route change of a 10,000-entity configuration: delta vs full snapshot.
        var load = () => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
        Console.WriteLine($"cores: {Environment.ProcessorCount}, load average at start: {load()}");
        var root = Directory.CreateTempSubdirectory("konnectes-cluster-bench").FullName;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(root, (UnixFileMode)0b111_101_101);
        }

        // The server's content root for the in-process host (a test project finds it through its build manifest).
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_KONNECTES_SERVER", AppContext.BaseDirectory);
        var pgOptions = new PrivatePostgresOptions { DataDirectory = Path.Combine(root, "pg") };
        pgOptions.Settings["shared_buffers"] = "512MB";
        await using var postgres = new PrivatePostgres(pgOptions);
        await postgres.StartAsync();
        await using var node = await ControlPlaneNode.StartAsync(postgres.ConnectionString);
        var admin = node.Admin;
        var rounds = int.TryParse(Environment.GetEnvironmentVariable("BENCH_ROUNDS"), CultureInfo.InvariantCulture, out var r) ? r : 100;
        const int Warmup = 10;

        // 1. Propagation.
        var propagationCp = await admin.CreateControlPlaneAsync("propagation");
        await admin.ImportYamlAsync(propagationCp, ConfigYaml.Generate(50, "p"));
        var service = await admin.CreateServiceAsync(propagationCp, "moving");
        var route = await admin.CreateRouteAsync(propagationCp, service, "moving-route", "/moving");
        var token = await admin.CreateDataPlaneTokenAsync(propagationCp);
        var propagation = new List<(int DataPlanes, Latencies Latency, Latencies Mutation)>();
        foreach (var size in new[] { 1, 10, 100 })
        {
            var appliers = Enumerable.Range(0, size).Select(_ => new BenchApplier()).ToList();
            var clients = appliers.Select(a => new SyncClient(
                new SyncClientOptions
                {
                    ClusterUrl = node.ClusterUrl,
                    Token = token,
                    DataDirectory = Directory.CreateDirectory(Path.Combine(root, "dp-" + Guid.NewGuid().ToString("N"))).FullName,
                    Hostname = "bench",
                },
                a,
                NullLogger<SyncClient>.Instance)).ToList();
            foreach (var client in clients)
            {
                await client.StartAsync(CancellationToken.None);
            }

            var head = await ClusterProbe.HeadAsync(node.ClusterUrl, token);
            await Task.WhenAll(clients.Select(c => c.WaitForAsync(s => s.Version >= head.Version, CancellationToken.None)));
            var latency = new Latencies();
            var mutation = new Latencies();
            for (var i = 0; i < Warmup + rounds; i++)
            {
                var start = Stopwatch.GetTimestamp();
                var version = await admin.UpdateRoutePathAsync(propagationCp, route, service, "moving-route", $"/moving/{size}/{i}");
                var committed = Stopwatch.GetTimestamp();
                var round = new PropagationRound(version, size);
                appliers.ForEach(a => a.Watch(round));
                var done = await round.Done.WaitAsync(TimeSpan.FromSeconds(60));
                if (i >= Warmup)
                {
                    latency.Add(Stopwatch.GetElapsedTime(start, done));
                    mutation.Add(Stopwatch.GetElapsedTime(start, committed));
                }
            }

            propagation.Add((size, latency, mutation));
            Console.WriteLine($"{size} data planes: p50 {latency.Format(50)} ms, p99 {latency.Format(99)} ms (mutation round trip p50 {mutation.Format(50)} ms)");
            foreach (var client in clients)
            {
                await client.StopAsync(CancellationToken.None);
                client.Dispose();
            }
        }

        // 2. Bytes for a one-route change of a 10,000-entity configuration.
        var largeCp = await admin.CreateControlPlaneAsync("large");
        var importWatch = Stopwatch.StartNew();
        for (var part = 0; part < 5; part++)
        {
            // Five imports of 2,000 entities: one document of 10,000 is larger than the portal accepts in a request.
            await admin.ImportYamlAsync(largeCp, ConfigYaml.Generate(2_000, "l" + part.ToString(CultureInfo.InvariantCulture)));
        }

        Console.WriteLine($"imported 10,000 entities in {importWatch.Elapsed.TotalSeconds:0.0} s");
        var largeToken = await admin.CreateDataPlaneTokenAsync(largeCp);
        using var raw = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None });

        async Task<(byte[] Body, int Gzipped)> GetAsync(string query)
        {
            async Task<byte[]> OnceAsync(bool gzip)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(node.ClusterUrl, "/v1/config?node_id=" + Guid.NewGuid() + query));
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", largeToken);
                if (gzip)
                {
                    request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
                }

                using var response = await raw.SendAsync(request);
                response.EnsureSuccessStatusCode();
                return await response.Content.ReadAsByteArrayAsync();
            }

            return (await OnceAsync(gzip: false), (await OnceAsync(gzip: true)).Length);
        }

        var (full, fullGzip) = await GetAsync("");
        using var fullDocument = JsonDocument.Parse(full);
        var fromVersion = fullDocument.RootElement.GetProperty("_konnectes").GetProperty("version").GetInt64();
        var entityCount = KonnectES.Domain.SnapshotDocument.Sections.Sum(s => fullDocument.RootElement.GetProperty(s).GetArrayLength());
        var someRoute = fullDocument.RootElement.GetProperty("routes")[0];

        // One data plane holding the large snapshot, to time the client's side of a delta on it.
        var largeApplier = new BenchApplier();
        using var largeClient = new SyncClient(
            new SyncClientOptions { ClusterUrl = node.ClusterUrl, Token = largeToken, DataDirectory = Directory.CreateDirectory(Path.Combine(root, "dp-" + Guid.NewGuid().ToString("N"))).FullName },
            largeApplier, NullLogger<SyncClient>.Instance);
        await largeClient.StartAsync(CancellationToken.None);
        await largeClient.WaitForAsync(s => s.Version >= fromVersion, CancellationToken.None);
        var largeStart = Stopwatch.GetTimestamp();
        var changed = await admin.UpdateRoutePathAsync(
            largeCp, someRoute.GetProperty("id").GetString()!, Reference(someRoute.GetProperty("service")),
            someRoute.GetProperty("name").GetString()!, "/changed");
        var largeRound = new PropagationRound(changed, 1);
        largeApplier.Watch(largeRound);
        var largeDone = await largeRound.Done.WaitAsync(TimeSpan.FromSeconds(60));
        var largeLatency = Stopwatch.GetElapsedTime(largeStart, largeDone);
        var (delta, deltaGzip) = await GetAsync("&since=" + fromVersion.ToString(CultureInfo.InvariantCulture));
        var clientFull = largeClient.Counters.BytesReceived;

        // The client's own work for that delta, without the network: apply to a copy, hash, materialize the document.
        var held = SnapshotState.FromDocument(fullDocument.RootElement);
        var parsedDelta = SnapshotDelta.Parse(delta);
        var clientWork = new Latencies();
        for (var i = 0; i < 30; i++)
        {
            var watch = Stopwatch.StartNew();
            var next = held.Apply(parsedDelta);
            _ = next.ToAppliedSnapshot();
            watch.Stop();
            if (next.SnapshotHash != parsedDelta.SnapshotHash)
            {
                throw new InvalidOperationException("The delta does not hash to the announced snapshot hash.");
            }

            if (i >= 5)
            {
                clientWork.Add(watch.Elapsed);
            }
        }

        await largeClient.StopAsync(CancellationToken.None);

        // The table.
        static string Reference(JsonElement foreignKey) =>
            (foreignKey.ValueKind == JsonValueKind.Object ? foreignKey.GetProperty("id") : foreignKey).GetString()!;

        string Verdict(bool ok) => ok ? "met" : "NOT met";
        string Kb(long bytes) => (bytes / 1024.0).ToString("#,0.0", CultureInfo.InvariantCulture) + " KiB";
        Console.WriteLine();
        Console.WriteLine("| measurement | result | goal | |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var (size, latency, mutation) in propagation)
        {
            var goal = size == 100 ? "p99 ≤ 100 ms" : "";
            var verdict = size == 100 ? Verdict(latency.Percentile(99) <= 100) : "";
            Console.WriteLine($"| mutation → {size} data plane{(size == 1 ? "" : "s")} hold the new snapshot (p50 / p99, {latency.Count} mutations; mutation round trip p50 {mutation.Format(50)} ms) | {latency.Format(50)} / {latency.Format(99)} ms | {goal} | {verdict} |");
        }

        var ratio = (double)delta.Length / full.Length;
        var ratioGzip = (double)deltaGzip / fullGzip;
        Console.WriteLine($"| full snapshot, {entityCount:#,0} entities (identity / gzip) | {Kb(full.Length)} / {Kb(fullGzip)} | | |");
        Console.WriteLine($"| delta for one route change (identity / gzip) | {delta.Length:#,0} B / {deltaGzip:#,0} B | | |");
        Console.WriteLine($"| delta : full (identity / gzip) | {ratio:P3} / {ratioGzip:P3} | ≤ 1% | {Verdict(ratio <= 0.01 && ratioGzip <= 0.01)} |");
        Console.WriteLine($"| mutation → 1 data plane holding the 10,000-entity snapshot has the change | {largeLatency.TotalMilliseconds:0.0} ms | | |");
        Console.WriteLine($"| client's work for that delta: apply to a copy, check the hash, materialize the document (p50, no network) | {clientWork.Format(50)} ms | | |");
        Console.WriteLine($"| sync client's bytes received (full at connect + one delta, decompressed) | {Kb(clientFull)} | | |");
        Console.WriteLine();
        Console.WriteLine($"load average at end: {load()}");

        await node.DisposeAsync();
        await postgres.StopAsync();
        Directory.Delete(root, recursive: true);
    }
}
