using System.Collections.Immutable;

namespace KonnectES.Domain;

/// <summary>Normalises an entity (Kong's write-time transformations) and checks it against Kong's rules and the state.</summary>
internal static class EntityValidator
{
    public static (ConfigEntity Entity, IReadOnlyList<DomainError> Errors) Prepare(ConfigEntity input, ControlPlaneConfig state)
    {
        var errors = new List<DomainError>();
        Formats.Tags(input.Tags.IsDefault ? [] : input.Tags, errors);
        var entity = Normalize(input, errors) with { Tags = Set(input.Tags) };
        Validate(entity, errors);
        if (errors.Count == 0)
        {
            References(entity, state, errors);
            Uniqueness(entity, state, errors);
        }

        return (entity, errors);
    }

    /// <summary>Sorted, de-duplicated set semantics (Kong's <c>set</c> fields).</summary>
    public static ImmutableArray<string> Set(ImmutableArray<string> values) =>
        values.IsDefaultOrEmpty ? [] : [.. values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static ConfigEntity Normalize(ConfigEntity entity, List<DomainError> errors) => entity switch
    {
        Service s => s with { CaCertificates = s.CaCertificates.IsDefault ? [] : s.CaCertificates },
        Route r => RouteRules.Normalize(r),
        Upstream u => UpstreamRules.Normalize(u),
        Target t => TargetRules.Normalize(t),
        Plugin p => PluginRules.Normalize(p, errors),
        Certificate c => CertificateRules.Normalize(c, errors),
        CaCertificate c => CaCertificateRules.Normalize(c, errors),
        Credential c => CredentialRules.Normalize(c),
        _ => entity,
    };

    private static void Validate(ConfigEntity entity, List<DomainError> errors)
    {
        switch (entity)
        {
            case Service s:
                ServiceRules.Validate(s, errors);
                break;
            case Route r:
                RouteRules.Validate(r, errors);
                break;
            case Consumer c:
                if (string.IsNullOrEmpty(c.Username) && string.IsNullOrEmpty(c.CustomId))
                {
                    errors.Add(DomainError.Invalid("at least one of these fields must be non-empty: 'custom_id', 'username'"));
                }

                break;
            case ConsumerGroup g:
                if (string.IsNullOrEmpty(g.Name))
                {
                    errors.Add(DomainError.Invalid("required field missing", "name"));
                }

                break;
            case Upstream u:
                UpstreamRules.Validate(u, errors);
                break;
            case Target t:
                TargetRules.Validate(t, errors);
                break;
            case Plugin p:
                PluginRules.Validate(p, errors);
                break;
            case Sni s:
                SniRules.Validate(s, errors);
                break;
            case Credential c:
                CredentialRules.Validate(c, errors);
                break;
        }
    }

    private static void References(ConfigEntity entity, ControlPlaneConfig state, List<DomainError> errors)
    {
        foreach (var reference in Relations.References(entity))
        {
            var parent = state.Find(reference.ParentId);
            if (parent is null || parent.EntityType != reference.ParentType)
            {
                errors.Add(DomainError.Missing(
                    $"the foreign key '{reference.ParentId}' does not reference an existing '{Relations.Table(reference.ParentType)}' entity",
                    reference.Field));
            }
        }
    }

    private static void Uniqueness(ConfigEntity entity, ControlPlaneConfig state, List<DomainError> errors)
    {
        foreach (var key in Relations.UniqueKeys(entity))
        {
            if (state.OwnerOf(key.Key) is { } owner && owner != entity.Id)
            {
                errors.Add(DomainError.Conflicting(key.Message, key.Field));
            }
        }
    }
}
