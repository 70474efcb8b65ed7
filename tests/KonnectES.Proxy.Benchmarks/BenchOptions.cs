using System.Globalization;

namespace KonnectES.Proxy.Benchmarks;

/// <summary>The harness's command line: the same wrk settings for every target.</summary>
internal sealed record BenchOptions
{
    public int Threads { get; init; } = 2;

    public int Connections { get; init; } = 64;

    public int DurationSeconds { get; init; } = 20;

    public int WarmupSeconds { get; init; } = 10;

    public int SwapSeconds { get; init; } = 90;

    public int Rounds { get; init; } = 1;

    public int SwapRoutes { get; init; } = 10_000;

    public int CompileRuns { get; init; } = 5;

    public bool Install { get; init; } = true;

    public bool DataPlane { get; init; } = true;

    public bool Compile { get; init; } = true;

    public bool KestrelUpstream { get; init; }

    /// <summary>Only the router compile, the in-process apply path and the config swap: no wrk rounds over the targets.</summary>
    public bool SwapOnly { get; init; }

    /// <summary>Only the router compile and the in-process apply path: no process is started.</summary>
    public bool CompileOnly { get; init; }

    /// <summary>(a) and (b) against a data plane in its own process (the <c>data-plane</c> role); <c>--no-separate</c> turns it off.</summary>
    public bool SeparateDataPlane { get; init; } = true;

    /// <summary>(a) and (b) also against the all-in-one server's embedded data plane (<c>--all-in-one</c>).</summary>
    public bool AllInOne { get; init; }

    /// <summary>The config swap under load after the targets; <c>--no-swap</c> leaves it out.</summary>
    public bool Swap { get; init; } = true;

    public string WrkSettings => $"-t{Threads} -c{Connections} -d{DurationSeconds}s --latency";

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            int Next() => int.Parse(args[++i], CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--threads" => options with { Threads = Next() },
                "--connections" => options with { Connections = Next() },
                "--duration" => options with { DurationSeconds = Next() },
                "--warmup" => options with { WarmupSeconds = Next() },
                "--rounds" => options with { Rounds = Next() },
                "--swap-seconds" => options with { SwapSeconds = Next() },
                "--swap-routes" => options with { SwapRoutes = Next() },
                "--compile-runs" => options with { CompileRuns = Next() },
                "--no-install" => options with { Install = false },
                "--no-data-plane" => options with { DataPlane = false },
                "--no-compile" => options with { Compile = false },
                "--kestrel-upstream" => options with { KestrelUpstream = true },
                "--swap-only" => options with { SwapOnly = true },
                "--compile-only" => options with { CompileOnly = true, Install = false },
                "--no-separate" => options with { SeparateDataPlane = false, AllInOne = true },
                "--all-in-one" => options with { AllInOne = true },
                "--no-swap" => options with { Swap = false },
                _ => throw new ArgumentException($"unknown option '{args[i]}'"),
            };
        }

        return options;
    }
}
