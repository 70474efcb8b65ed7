using System.Runtime.CompilerServices;

// The cluster suites drive real sync clients against a real control-plane server.
[assembly: InternalsVisibleTo("KonnectES.Cluster.Tests")]
[assembly: InternalsVisibleTo("KonnectES.Cluster.Benchmarks")]

// The proxy benchmark times the data plane's apply path (delta, hash, compile, swap) in process.
[assembly: InternalsVisibleTo("KonnectES.Proxy.Benchmarks")]
