namespace KonnectES.Domain;

/// <summary>Create a consumer group (the caller assigns <see cref="ConfigEntity.Id"/>); Kong's defaults are the record's initial values.</summary>
public sealed record CreateConsumerGroup(ConsumerGroup ConsumerGroup) : IConfigCommand;

/// <summary>Replace a consumer group as a whole (Kong's PUT semantics).</summary>
public sealed record UpdateConsumerGroup(ConsumerGroup ConsumerGroup) : IConfigCommand;

/// <summary>Delete a consumer group; Kong's cascade and restrict rules apply.</summary>
public sealed record DeleteConsumerGroup(Guid Id) : IConfigCommand;
