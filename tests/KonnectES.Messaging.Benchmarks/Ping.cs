namespace KonnectES.Messaging.Benchmarks;

/// <summary>The benchmark's message.</summary>
internal sealed record Ping(long Number);
