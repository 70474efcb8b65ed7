namespace KonnectES.DataPlane.Plugins;

/// <summary>A consumer group (Kong Enterprise / Konnect).</summary>
internal sealed record KongConsumerGroup(Guid Id, string Name);
