using System.Globalization;
using KonnectES.Proxy.Benchmarks;

// Child modes: the harness starts itself as the Kestrel upstream or the bare YARP proxy, so each has its own CPU time.
if (args is ["upstream", var upstreamPort])
{
    await KestrelUpstream.RunAsync(int.Parse(upstreamPort, CultureInfo.InvariantCulture), CancellationToken.None);
    return 0;
}

if (args is ["yarp", var yarpPort, var destination])
{
    await BareYarpProxy.RunAsync(int.Parse(yarpPort, CultureInfo.InvariantCulture), destination, CancellationToken.None);
    return 0;
}

var options = BenchOptions.Parse(args);
await ProxyBenchmark.RunAsync(options, CancellationToken.None);
return 0;
