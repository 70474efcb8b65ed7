namespace KonnectES.Domain;

/// <summary>Import a Kong declarative config (formats 1.1, 2.1, 3.0) as one atomic change.</summary>
/// <param name="Document">The file's text.</param>
/// <param name="Format">YAML or JSON.</param>
/// <param name="Mode">Merge or replace.</param>
public sealed record ImportConfig(string Document, ConfigFormat Format, ImportMode Mode) : IConfigCommand;
