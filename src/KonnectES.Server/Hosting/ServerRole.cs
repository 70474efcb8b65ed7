namespace KonnectES.Server.Hosting;

/// <summary>What this process runs, like Kong's <c>role</c> setting.</summary>
internal enum ServerRole
{
    /// <summary>No role argument: everything in one process with a private database.</summary>
    AllInOne,

    /// <summary><c>control-plane</c>.</summary>
    ControlPlane,

    /// <summary><c>data-plane</c>.</summary>
    DataPlane,
}
