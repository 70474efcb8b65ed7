namespace KonnectES.Domain;

/// <summary>Serialization of a declarative config file.</summary>
public enum ConfigFormat
{
    /// <summary>YAML (kong.yml, decK files).</summary>
    Yaml,
    /// <summary>JSON.</summary>
    Json,
}
