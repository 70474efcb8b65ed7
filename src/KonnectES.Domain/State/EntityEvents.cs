namespace KonnectES.Domain;

/// <summary>Creates the typed event for a change of one entity.</summary>
internal static class EntityEvents
{
    public static IEntityEvent For(ChangeKind change, ConfigEntity entity) => (change, entity) switch
    {
        (ChangeKind.Created, Service e) => new ServiceCreated(e),
        (ChangeKind.Updated, Service e) => new ServiceUpdated(e),
        (ChangeKind.Deleted, Service e) => new ServiceDeleted(e),
        (ChangeKind.Created, Route e) => new RouteCreated(e),
        (ChangeKind.Updated, Route e) => new RouteUpdated(e),
        (ChangeKind.Deleted, Route e) => new RouteDeleted(e),
        (ChangeKind.Created, Consumer e) => new ConsumerCreated(e),
        (ChangeKind.Updated, Consumer e) => new ConsumerUpdated(e),
        (ChangeKind.Deleted, Consumer e) => new ConsumerDeleted(e),
        (ChangeKind.Created, ConsumerGroup e) => new ConsumerGroupCreated(e),
        (ChangeKind.Updated, ConsumerGroup e) => new ConsumerGroupUpdated(e),
        (ChangeKind.Deleted, ConsumerGroup e) => new ConsumerGroupDeleted(e),
        (ChangeKind.Created or ChangeKind.Updated, ConsumerGroupMember e) => new ConsumerAddedToGroup(e),
        (ChangeKind.Deleted, ConsumerGroupMember e) => new ConsumerRemovedFromGroup(e),
        (ChangeKind.Created, Upstream e) => new UpstreamCreated(e),
        (ChangeKind.Updated, Upstream e) => new UpstreamUpdated(e),
        (ChangeKind.Deleted, Upstream e) => new UpstreamDeleted(e),
        (ChangeKind.Created, Target e) => new TargetCreated(e),
        (ChangeKind.Updated, Target e) => new TargetUpdated(e),
        (ChangeKind.Deleted, Target e) => new TargetDeleted(e),
        (ChangeKind.Created, Plugin e) => new PluginCreated(e),
        (ChangeKind.Updated, Plugin e) => new PluginUpdated(e),
        (ChangeKind.Deleted, Plugin e) => new PluginDeleted(e),
        (ChangeKind.Created, Certificate e) => new CertificateCreated(e),
        (ChangeKind.Updated, Certificate e) => new CertificateUpdated(e),
        (ChangeKind.Deleted, Certificate e) => new CertificateDeleted(e),
        (ChangeKind.Created, Sni e) => new SniCreated(e),
        (ChangeKind.Updated, Sni e) => new SniUpdated(e),
        (ChangeKind.Deleted, Sni e) => new SniDeleted(e),
        (ChangeKind.Created, CaCertificate e) => new CaCertificateCreated(e),
        (ChangeKind.Updated, CaCertificate e) => new CaCertificateUpdated(e),
        (ChangeKind.Deleted, CaCertificate e) => new CaCertificateDeleted(e),
        (ChangeKind.Created, Credential e) => new CredentialCreated(e),
        (ChangeKind.Updated, Credential e) => new CredentialUpdated(e),
        (ChangeKind.Deleted, Credential e) => new CredentialDeleted(e),
        _ => throw new ArgumentException($"No event for {change} {entity.GetType().Name}.", nameof(entity)),
    };
}
