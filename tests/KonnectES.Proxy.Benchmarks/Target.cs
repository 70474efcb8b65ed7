namespace KonnectES.Proxy.Benchmarks;

/// <summary>One thing wrk measures: its URL and headers, and the process tree whose CPU time counts as its cost.</summary>
internal sealed record Target(string Name, string Url, IReadOnlyList<string> Headers, ChildProcess Process);
