namespace KonnectES.DataPlane.Plugins;

/// <summary>A consumer as the data plane knows it; at least one of username and custom id is set.</summary>
internal sealed record KongConsumer(Guid Id, string? Username, string? CustomId);
