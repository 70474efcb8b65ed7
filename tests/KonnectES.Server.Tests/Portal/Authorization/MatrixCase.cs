namespace KonnectES.Server.Tests.Portal.Authorization;

/// <summary>One cell of the matrix being prepared: the control plane it acts on, its variables, and what a refusal must not reveal.</summary>
internal sealed class MatrixCase(ControlPlanesXAndY planes, string plane)
{
    public string Plane => plane;

    public Dictionary<string, object?> Variables { get; } = new() { ["cp"] = plane };

    /// <summary>What a case keeps for its effect check, not sent.</summary>
    public Dictionary<string, string> Kept { get; } = [];

    /// <summary>Ids and names of X's data that no refusal may contain.</summary>
    public List<string> Tells { get; } = [plane, ControlPlanesXAndY.XName];

    /// <summary>Creates an entity in X for this case, remembers its id as a tell, and returns it.</summary>
    public async Task<string> CreateAsync(string field, string payload, string input, object? variables = null)
    {
        var id = await planes.CreateAsync(field, payload, input, variables);
        Tells.Add(id);
        return id;
    }
}
