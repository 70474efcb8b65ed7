using System.Diagnostics;
using System.Text.Json;

namespace KonnectES.Proxy.Benchmarks;

/// <summary>
/// The real KonnectES.Server, built in Release and run all-in-one (control plane and data plane in one process, a
/// private PostgreSQL under the run's directory), configured through the portal's GraphQL with
/// <see cref="ConfigYaml.Bench(int)"/>.
/// </summary>
internal sealed class DataPlaneServer : IAsyncDisposable
{
    private const string AdminToken = "kes_proxy_bench_admin_token";

    private readonly string _dataDirectory;
    private readonly string _serverPath;

    private DataPlaneServer(ChildProcess process, PortalClient portal, string controlPlaneId, string dataDirectory, string serverPath)
    {
        _dataDirectory = dataDirectory;
        _serverPath = serverPath;
        Process = process;
        Portal = portal;
        ControlPlaneId = controlPlaneId;
    }

    /// <summary>The all-in-one server: control plane, private PostgreSQL (a child process) and the embedded data plane.</summary>
    public ChildProcess Process { get; }

    /// <summary>The data plane in its own process (the <c>data-plane</c> role, as in production), once started.</summary>
    public ChildProcess? SeparateProcess { get; private set; }

    public static string SeparatePlainUrl => $"http://127.0.0.1:{Ports.SeparateProxy}{ConfigYaml.PlainPath}";

    public static string SeparateAuthUrl => $"http://127.0.0.1:{Ports.SeparateProxy}{ConfigYaml.AuthPath}";

    public PortalClient Portal { get; }

    public string ControlPlaneId { get; }

    public string PlainUrl => $"http://127.0.0.1:{Ports.DataPlaneProxy}{ConfigYaml.PlainPath}";

    public string AuthUrl => $"http://127.0.0.1:{Ports.DataPlaneProxy}{ConfigYaml.AuthPath}";

    public static string StatusUrl => $"http://127.0.0.1:{Ports.DataPlaneStatus}/status";

    /// <summary>Starts and configures the server; null (with the reason printed) when its data plane does not serve.</summary>
    public static async Task<DataPlaneServer?> TryStartAsync(string runDirectory, CancellationToken cancellationToken)
    {
        var server = await BuildAsync(cancellationToken);
        var log = Path.Combine(runDirectory, "konnectes-server.log");
        var dataDirectory = Path.Combine(runDirectory, "konnectes");
        var process = ChildProcess.Start("konnectes-server", "dotnet", [server], log, new Dictionary<string, string>
        {
            ["KONNECTES_ADMIN_TOKEN"] = AdminToken,
            ["KONNECTES_DATA_DIR"] = dataDirectory,
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{Ports.Portal}",
            ["KONNECTES_CLUSTER_LISTEN"] = $"http://127.0.0.1:{Ports.Cluster}",
            ["KONNECTES_PROXY_LISTEN"] = $"http://127.0.0.1:{Ports.DataPlaneProxy}",
            ["KONNECTES_PROXY_SSL_LISTEN"] = "off",
            ["KONNECTES_STATUS_LISTEN"] = $"http://127.0.0.1:{Ports.DataPlaneStatus}",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Logging__LogLevel__Default"] = "Warning",
        });
        try
        {
            var portal = new PortalClient($"http://127.0.0.1:{Ports.Portal}/graphql", AdminToken);
            await WaitForPortalAsync(process, cancellationToken);
            var controlPlaneId = await portal.DefaultControlPlaneIdAsync(cancellationToken);
            var version = await portal.ImportAsync(controlPlaneId, ConfigYaml.Bench(Ports.Upstream), "proxy benchmark", cancellationToken);
            Console.WriteLine($"# data plane configured through the portal: version {version}");
            var dataPlane = new DataPlaneServer(process, portal, controlPlaneId, dataDirectory, server);
            await Http.WaitForBodyAsync(dataPlane.PlainUrl, [], TimeSpan.FromSeconds(60), cancellationToken);
            await Http.WaitForBodyAsync(dataPlane.AuthUrl, [$"apikey: {ConfigYaml.ApiKey}"], TimeSpan.FromSeconds(60), cancellationToken);
            return dataPlane;
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException or HttpRequestException)
        {
            Console.WriteLine($"# data plane NOT measured: {e.Message}");
            Console.WriteLine($"# last lines of {log}:");
            process.Dispose();
            await StopPostgresAsync(dataDirectory);
            foreach (var line in File.ReadLines(log).TakeLast(10))
            {
                Console.WriteLine($"#   {line}");
            }

            return null;
        }
    }

    /// <summary>The config version the data plane's /status reports as applied, or null while it reports none.</summary>
    public static async Task<(long? Version, string Body)> StatusAsync(CancellationToken cancellationToken)
    {
        var body = await Http.Client.GetStringAsync(StatusUrl, cancellationToken);
        using var document = JsonDocument.Parse(body);

        // The applied configuration's version (configuration.version); a version anywhere else is a fallback.
        var root = document.RootElement;
        var applied = root.TryGetProperty("configuration", out var configuration) ? FindVersion(configuration) : null;
        return (applied ?? FindVersion(root), body);
    }

    /// <summary>
    /// Starts a data plane in its own process (the <c>data-plane</c> role, no database) that syncs from this server's
    /// cluster port with a new data-plane token; false (with the reason printed) when it does not serve.
    /// </summary>
    public async Task<bool> TryStartSeparateAsync(string runDirectory, CancellationToken cancellationToken)
    {
        var log = Path.Combine(runDirectory, "konnectes-data-plane.log");
        try
        {
            var token = await Portal.CreateDataPlaneTokenAsync(ControlPlaneId, "proxy-benchmark", cancellationToken);
            SeparateProcess = ChildProcess.Start("konnectes-data-plane", "dotnet", [_serverPath, "data-plane"], log, new Dictionary<string, string>
            {
                ["KONNECTES_CLUSTER_URL"] = $"http://127.0.0.1:{Ports.Cluster}",
                ["KONNECTES_DP_TOKEN"] = token,
                ["KONNECTES_DATA_DIR"] = Path.Combine(runDirectory, "data-plane"),
                ["KONNECTES_PROXY_LISTEN"] = $"http://127.0.0.1:{Ports.SeparateProxy}",
                ["KONNECTES_STATUS_LISTEN"] = $"http://127.0.0.1:{Ports.SeparateStatus}",
                ["DOTNET_ENVIRONMENT"] = "Production",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Logging__LogLevel__Default"] = "Warning",
            });
            await Http.WaitForBodyAsync(SeparatePlainUrl, [], TimeSpan.FromSeconds(60), cancellationToken);
            await Http.WaitForBodyAsync(SeparateAuthUrl, [$"apikey: {ConfigYaml.ApiKey}"], TimeSpan.FromSeconds(60), cancellationToken);
            return true;
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException or HttpRequestException)
        {
            Console.WriteLine($"# separate data plane NOT measured: {e.Message}");
            StopSeparate();
            return false;
        }
    }

    /// <summary>Stops the separate data plane (before the config swap, which measures the embedded one alone).</summary>
    public void StopSeparate()
    {
        SeparateProcess?.Dispose();
        SeparateProcess = null;
    }

    public async ValueTask DisposeAsync()
    {
        StopSeparate();
        Process.Dispose();
        await StopPostgresAsync(_dataDirectory);
    }

    /// <summary>
    /// The server stops its private PostgreSQL on SIGTERM; should one outlive it (the server killed after its grace
    /// period), it gets SIGINT, PostgreSQL's fast shutdown.
    /// </summary>
    private static async Task StopPostgresAsync(string dataDirectory)
    {
        var pidFile = Path.Combine(dataDirectory, "pg", "postmaster.pid");
        for (var i = 0; i < 50 && File.Exists(pidFile); i++)
        {
            await Task.Delay(200);
        }

        if (File.Exists(pidFile) && File.ReadLines(pidFile).FirstOrDefault() is { } pid)
        {
            Console.WriteLine($"# stopping the private PostgreSQL left running (pid {pid})");
            using var stop = System.Diagnostics.Process.Start(new ProcessStartInfo("kill", $"-INT {pid.Trim()}") { UseShellExecute = false });
            await stop!.WaitForExitAsync();
        }
    }

    private static long? FindVersion(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (property.Name is "version" or "configVersion" && property.Value.ValueKind == JsonValueKind.Number)
            {
                return property.Value.GetInt64();
            }

            if (FindVersion(property.Value) is { } nested)
            {
                return nested;
            }
        }

        return null;
    }

    private static async Task WaitForPortalAsync(ChildProcess process, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException("the server exited");
            }

            try
            {
                using var response = await Http.Client.GetAsync($"http://127.0.0.1:{Ports.Portal}/health", cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(500, cancellationToken);
        }

        throw new TimeoutException("the portal did not become healthy within 3 minutes");
    }

    private static async Task<string> BuildAsync(CancellationToken cancellationToken)
    {
        var project = Path.Combine(RepositoryRoot(), "src", "KonnectES.Server", "KonnectES.Server.csproj");
        await DotnetAsync(["build", project, "-c", "Release", "-nologo", "-v", "q"], cancellationToken);
        var path = (await DotnetAsync(["msbuild", project, "-getProperty:TargetPath", "-p:Configuration=Release", "-nologo"], cancellationToken)).Trim();
        return File.Exists(path) ? path : throw new InvalidOperationException($"built server not found at '{path}'");
    }

    private static async Task<string> DotnetAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        Console.WriteLine($"# running: dotnet {string.Join(' ', arguments)}");
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet");
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"dotnet {arguments[0]} failed: {output}");
    }

    private static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "KonnectES.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException("KonnectES.sln not found above the current or the harness's directory");
    }
}
