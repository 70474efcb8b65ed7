namespace KonnectES.Domain;

/// <summary>How an imported file relates to the current configuration.</summary>
public enum ImportMode
{
    /// <summary>Create and update what the file holds; keep everything else.</summary>
    Merge,
    /// <summary>The file is the whole configuration: delete what it does not hold.</summary>
    Replace,
}
