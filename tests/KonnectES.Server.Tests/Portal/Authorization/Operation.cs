using System.Text.Json;

namespace KonnectES.Server.Tests.Portal.Authorization;

/// <summary>A query or mutation of the portal, with what it needs and how to prepare one call of it.</summary>
internal sealed record Operation(string Name, Need Need, string Document, Func<ControlPlanesXAndY, MatrixCase, Task> Setup)
{
    /// <summary>The payload field whose <c>errors</c> carry FORBIDDEN; null for a field that refuses otherwise.</summary>
    public string? PayloadField { get; init; }

    /// <summary>For reads: true when the data shows the refusal (X absent or null).</summary>
    public Func<JsonElement, MatrixCase, bool>? Hidden { get; init; }

    /// <summary>True when an allowed call adds a version to the case's control plane and a refused one must not.</summary>
    public bool ChangesConfig { get; init; }

    /// <summary>True when the call acts on a control plane of its own (changing or deleting the plane itself).</summary>
    public bool OwnPlane { get; init; }

    /// <summary>Checks the effect (or its absence) through the admin after the call.</summary>
    public Func<ControlPlanesXAndY, MatrixCase, bool, Task>? Effect { get; init; }

    public override string ToString() => Name;
}
