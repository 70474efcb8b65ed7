using System.Runtime.CompilerServices;

// The cluster suites drive real sync clients against a real control-plane server.
[assembly: InternalsVisibleTo("KonnectES.Cluster.Tests")]
[assembly: InternalsVisibleTo("KonnectES.Cluster.Benchmarks")]
