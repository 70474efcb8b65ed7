namespace KonnectES.Domain;

/// <summary>How far the control plane and the data plane understand a plugin name.</summary>
public enum PluginSupport
{
    /// <summary>Not a Kong Gateway plugin: rejected at <c>name</c>.</summary>
    Unknown,

    /// <summary>
    /// A bundled Kong Gateway plugin (OSS, Enterprise or Konnect) the data plane does not implement: accepted and
    /// stored as given (config must be an object, no defaults filled); a data plane NACKs a snapshot that uses it.
    /// </summary>
    PassThrough,

    /// <summary>Implemented by the data plane: config validated against Kong's schema, defaults filled.</summary>
    Full,
}
