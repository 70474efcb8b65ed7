namespace KonnectES.Messaging.Benchmarks;

internal sealed record BenchNodeRole(bool DieOnFirstMessage);
