using System.Collections.Immutable;

namespace KonnectES.Domain;

/// <summary>A control plane: the owner of one configuration stream. Its name is unique per organisation (checked by the host).</summary>
public sealed record ControlPlane
{
    /// <summary>The control plane's id (also the stream id).</summary>
    public Guid Id { get; init; }

    /// <summary>Required, unique across control planes.</summary>
    public string Name { get; init; } = "";

    /// <summary>Free text.</summary>
    public string? Description { get; init; }

    /// <summary>Konnect labels: keys and values 1..63 chars, keys not starting with kong, konnect, mesh, kic or _.</summary>
    public ImmutableSortedDictionary<string, string> Labels { get; init; } = ImmutableSortedDictionary<string, string>.Empty;
}
