namespace KonnectES.Messaging.Tests.Support;

/// <summary>A broadcast: every node updates its local price cache.</summary>
public sealed record PriceChanged(string Sku, int Version);
