using System.Text.Json.Nodes;

namespace KonnectES.Domain;

/// <summary>An entity read from a declarative file, before ids and references are resolved.</summary>
internal sealed class PendingEntity(EntityType type, JsonObject body, IReadOnlyList<string> path)
{
    public EntityType Type { get; } = type;

    /// <summary>The entity's own Kong fields (nested children removed).</summary>
    public JsonObject Body { get; } = body;

    /// <summary>Where the object sits in the file, e.g. <c>services, 2, routes, 0</c>.</summary>
    public IReadOnlyList<string> Path { get; } = path;

    public CredentialKind? Kind { get; init; }

    /// <summary>Foreign keys given by nesting: Kong field → the enclosing entity.</summary>
    public List<(string Field, PendingEntity Parent)> NestedParents { get; } = [];

    /// <summary>Position among siblings of the same parent (keeps ids of keyless entities distinct).</summary>
    public int Ordinal { get; init; }

    public Guid Id { get; set; }

    /// <summary>A repeated membership (declared both under the consumer and under the group): kept once.</summary>
    public bool Duplicate { get; set; }

    public ConfigEntity? Entity { get; set; }
}
