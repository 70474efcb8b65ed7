using System.Collections.Immutable;

namespace KonnectES.Domain;

/// <summary>Hides secrets (credential keys, passwords, secrets, private keys) for display, audit and export.</summary>
public static class SecretMasking
{
    /// <summary>What replaces a secret; importing it back keeps the stored secret.</summary>
    public const string Placeholder = "<redacted>";

    /// <summary>The entity with its secrets replaced by <see cref="Placeholder"/>; entities without secrets are returned as is.</summary>
    public static ConfigEntity Mask(ConfigEntity entity) => entity switch
    {
        Credential { Kind: CredentialKind.KeyAuth } c => c with { Key = Hide(c.Key) },
        Credential c => c with { Password = Hide(c.Password), Secret = Hide(c.Secret) },
        Certificate c => c with { Key = Placeholder, KeyAlt = Hide(c.KeyAlt) },
        _ => entity,
    };

    /// <summary>The event with every entity it carries masked (for the audit log and subscriptions).</summary>
    public static IConfigEvent Mask(IConfigEvent @event) => @event switch
    {
        IEntityEvent e => EntityEvents.For(e.Change, Mask(e.Entity)),
        ConfigImported i => i with { Changes = Mask(i.Changes) },
        ConfigRolledBack r => r with { Changes = Mask(r.Changes) },
        _ => @event,
    };

    /// <summary>Masks the before and after states of each change.</summary>
    public static ImmutableArray<EntityChange> Mask(ImmutableArray<EntityChange> changes) =>
        [.. changes.Select(c => c with { Before = c.Before is null ? null : Mask(c.Before), After = c.After is null ? null : Mask(c.After) })];

    /// <summary>True when <paramref name="value"/> is the placeholder.</summary>
    public static bool IsPlaceholder(string? value) => value == Placeholder;

    private static string? Hide(string? secret) => secret is null ? null : Placeholder;
}
