namespace KonnectES.Domain;

/// <summary>A consumer group (Konnect/EE): a named set of consumers that group-scoped plugins apply to.</summary>
public sealed record ConsumerGroup : ConfigEntity
{
    /// <summary>Required, unique.</summary>
    public string Name { get; init; } = "";

    /// <inheritdoc />
    public override EntityType EntityType => EntityType.ConsumerGroup;

    /// <inheritdoc />
    public override string? DisplayName => Name;
}
