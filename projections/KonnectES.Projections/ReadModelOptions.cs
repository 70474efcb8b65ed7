namespace KonnectES.Projections;

/// <summary>
/// Configuration of the configuration read models.
/// </summary>
public sealed class ReadModelOptions
{
    /// <summary>The PostgreSQL schema of the read-model tables (a lower-case identifier); created at start-up.</summary>
    public string Schema { get; set; } = "konnectes";
}
