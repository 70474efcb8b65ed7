namespace KonnectES.Domain;

/// <summary>Add a consumer to a consumer group.</summary>
public sealed record AddConsumerToGroup(Guid ConsumerGroupId, Guid ConsumerId) : IConfigCommand;

/// <summary>Remove a consumer from a consumer group.</summary>
public sealed record RemoveConsumerFromGroup(Guid ConsumerGroupId, Guid ConsumerId) : IConfigCommand;
