namespace KonnectES.Server.Hosting;

/// <summary>Reads the optional role argument in front of the host's own options.</summary>
internal static class ServerRoleParser
{
    /// <summary>
    /// The first argument is a role when it does not look like an option; the remaining arguments go to the host.
    /// </summary>
    public static bool TryParse(string[] args, out ServerRole role, out string[] rest)
    {
        rest = args;
        role = ServerRole.AllInOne;
        if (args.Length == 0 || args[0].StartsWith('-') || args[0].Contains('='))
        {
            return true;
        }

        rest = args[1..];
        switch (args[0])
        {
            case "control-plane":
                role = ServerRole.ControlPlane;
                return true;
            case "data-plane":
                role = ServerRole.DataPlane;
                return true;
            case "all-in-one":
                return true;
            default:
                return false;
        }
    }

    public static string Name(this ServerRole role) => role switch
    {
        ServerRole.ControlPlane => "control-plane",
        ServerRole.DataPlane => "data-plane",
        _ => "all-in-one",
    };
}
