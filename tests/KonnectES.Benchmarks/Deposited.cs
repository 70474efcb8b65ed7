namespace KonnectES.Benchmarks;

/// <summary>The benchmark's event: a small payload like most domain events.</summary>
public sealed record Deposited(Guid AccountId, decimal Amount, string Note);
