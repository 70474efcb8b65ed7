using System.Collections.Immutable;

namespace KonnectES.Domain;

/// <summary>Kong declarative config (decK / kong.yml) import planning and export.</summary>
public static class DeclarativeConfig
{
    /// <summary>
    /// Computes the configuration a file describes and returns the changes from <paramref name="state"/>
    /// to it (the dry run). Errors carry the place in the file, e.g. <c>services[2].routes[0].paths[1]</c>.
    /// </summary>
    public static Result<ImmutableArray<EntityChange>> Plan(ControlPlaneConfig state, string document, ConfigFormat format, ImportMode mode)
    {
        var target = Load(state, document, format, mode);
        return target.IsSuccess
            ? Result<ImmutableArray<EntityChange>>.Ok(ConfigDiff.Between(state, target.Value))
            : Result<ImmutableArray<EntityChange>>.Fail(target.Errors);
    }

    /// <summary>The configuration the file describes, applied to <paramref name="state"/> with <paramref name="mode"/>.</summary>
    public static Result<ControlPlaneConfig> Load(ControlPlaneConfig state, string document, ConfigFormat format, ImportMode mode)
    {
        ArgumentNullException.ThrowIfNull(state);
        var tree = DocumentReader.Read(document, format);
        return tree.IsSuccess ? DeclarativeLoader.Load(state, tree.Value, mode) : Result<ControlPlaneConfig>.Fail(tree.Errors);
    }

    /// <summary>
    /// Exports the configuration as a Kong declarative 3.0 file in decK's nested shape, with ids.
    /// Without <paramref name="includeSecrets"/>, secrets become <see cref="SecretMasking.Placeholder"/>;
    /// re-importing that file keeps the stored secrets.
    /// </summary>
    public static string Export(ControlPlaneConfig state, ConfigFormat format, bool includeSecrets = false)
    {
        ArgumentNullException.ThrowIfNull(state);
        var document = DeclarativeWriter.Nested(state, includeSecrets);
        return format == ConfigFormat.Json ? DocumentWriter.Json(document) : DocumentWriter.Yaml(document);
    }
}
