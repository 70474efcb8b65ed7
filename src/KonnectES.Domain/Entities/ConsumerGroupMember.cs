namespace KonnectES.Domain;

/// <summary>One consumer's membership in one group; its id is derived from the pair (<see cref="DeterministicId.ForMembership"/>).</summary>
public sealed record ConsumerGroupMember : ConfigEntity
{
    /// <summary>The group.</summary>
    public Guid ConsumerGroupId { get; init; }

    /// <summary>The consumer.</summary>
    public Guid ConsumerId { get; init; }

    /// <inheritdoc />
    public override EntityType EntityType => EntityType.ConsumerGroupMember;

    /// <inheritdoc />
    public override string? DisplayName => null;
}
