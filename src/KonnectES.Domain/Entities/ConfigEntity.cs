using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace KonnectES.Domain;

/// <summary>
/// Base of every gateway configuration entity: an id (Kong uses UUIDs) and a tag set.
/// Entities are immutable; timestamps are not part of them (they come from the event envelopes).
/// Compare entities with <see cref="EntityHash"/> or <see cref="DomainJson.Canonical"/>, not <c>==</c>:
/// records compare <see cref="ImmutableArray{T}"/> members by reference.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$kind")]
[JsonDerivedType(typeof(Service), "service")]
[JsonDerivedType(typeof(Route), "route")]
[JsonDerivedType(typeof(Consumer), "consumer")]
[JsonDerivedType(typeof(ConsumerGroup), "consumer_group")]
[JsonDerivedType(typeof(ConsumerGroupMember), "consumer_group_member")]
[JsonDerivedType(typeof(Upstream), "upstream")]
[JsonDerivedType(typeof(Target), "target")]
[JsonDerivedType(typeof(Plugin), "plugin")]
[JsonDerivedType(typeof(Certificate), "certificate")]
[JsonDerivedType(typeof(Sni), "sni")]
[JsonDerivedType(typeof(CaCertificate), "ca_certificate")]
[JsonDerivedType(typeof(Credential), "credential")]
public abstract record ConfigEntity
{
    /// <summary>The entity's UUID, unique across all kinds within a control plane.</summary>
    public Guid Id { get; init; }

    /// <summary>Kong tags: a set (sorted and de-duplicated on write).</summary>
    public ImmutableArray<string> Tags { get; init; } = [];

    /// <summary>The kind of entity.</summary>
    [JsonIgnore]
    public abstract EntityType EntityType { get; }

    /// <summary>A human label for history and diffs: the endpoint key (name, username, target…) when there is one.</summary>
    [JsonIgnore]
    public abstract string? DisplayName { get; }
}
