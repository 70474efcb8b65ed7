namespace KonnectES.Domain;

/// <summary>Foreign keys and unique keys of every entity kind (kong-gateway-model §2.10, §2).</summary>
internal static class Relations
{
    public static IEnumerable<Reference> References(ConfigEntity entity)
    {
        switch (entity)
        {
            case Service s:
                if (s.ClientCertificateId is { } clientCertificate)
                {
                    yield return new(clientCertificate, EntityType.Certificate, "client_certificate", OnDelete.Restrict);
                }

                foreach (var ca in s.CaCertificates.IsDefault ? [] : s.CaCertificates.Distinct())
                {
                    yield return new(ca, EntityType.CaCertificate, "ca_certificates", OnDelete.Restrict);
                }

                break;
            case Route { ServiceId: { } service }:
                yield return new(service, EntityType.Service, "service", OnDelete.Restrict);
                break;
            case Upstream { ClientCertificateId: { } cert }:
                yield return new(cert, EntityType.Certificate, "client_certificate", OnDelete.Restrict);
                break;
            case Target t:
                yield return new(t.UpstreamId, EntityType.Upstream, "upstream", OnDelete.Cascade);
                break;
            case Sni s:
                yield return new(s.CertificateId, EntityType.Certificate, "certificate", OnDelete.Cascade);
                break;
            case Credential c:
                yield return new(c.ConsumerId, EntityType.Consumer, "consumer", OnDelete.Cascade);
                break;
            case ConsumerGroupMember m:
                yield return new(m.ConsumerGroupId, EntityType.ConsumerGroup, "consumer_group", OnDelete.Cascade);
                yield return new(m.ConsumerId, EntityType.Consumer, "consumer", OnDelete.Cascade);
                break;
            case Plugin p:
                if (p.ServiceId is { } s1)
                {
                    yield return new(s1, EntityType.Service, "service", OnDelete.Cascade);
                }

                if (p.RouteId is { } r1)
                {
                    yield return new(r1, EntityType.Route, "route", OnDelete.Cascade);
                }

                if (p.ConsumerId is { } c1)
                {
                    yield return new(c1, EntityType.Consumer, "consumer", OnDelete.Cascade);
                }

                if (p.ConsumerGroupId is { } g1)
                {
                    yield return new(g1, EntityType.ConsumerGroup, "consumer_group", OnDelete.Cascade);
                }

                break;
        }
    }

    public static IEnumerable<UniqueKey> UniqueKeys(ConfigEntity entity)
    {
        switch (entity)
        {
            case Service { Name: { } name }:
                yield return Named("services", "name", name);
                break;
            case Route { Name: { } name }:
                yield return Named("routes", "name", name);
                break;
            case Consumer c:
                if (c.Username is { } username)
                {
                    yield return Named("consumers", "username", username);
                }

                if (c.CustomId is { } customId)
                {
                    yield return Named("consumers", "custom_id", customId);
                }

                break;
            case ConsumerGroup g:
                yield return Named("consumer_groups", "name", g.Name);
                break;
            case ConsumerGroupMember m:
                yield return new($"consumer_group_consumers:{m.ConsumerGroupId}:{m.ConsumerId}", "consumer",
                    "the consumer is already a member of this consumer group");
                break;
            case Upstream u:
                yield return Named("upstreams", "name", u.Name);
                break;
            case Target t:
                yield return new($"targets:{t.UpstreamId}:{t.TargetAddress}", "target",
                    $"uniqueness violation: 'targets' entity with target set to '{t.TargetAddress}' already declared for this upstream");
                break;
            case Sni s:
                yield return Named("snis", "name", s.Name);
                break;
            case CaCertificate ca when ca.CertDigest.Length > 0:
                yield return Named("ca_certificates", "cert_digest", ca.CertDigest);
                break;
            case Plugin p:
                if (p.InstanceName is { } instance)
                {
                    yield return Named("plugins", "instance_name", instance);
                }

                yield return new($"plugins:scope:{p.Name}:{p.ServiceId}:{p.RouteId}:{p.ConsumerId}:{p.ConsumerGroupId}", "name",
                    $"uniqueness violation: 'plugins' entity with name '{p.Name}' already exists for this scope");
                break;
            case Credential c:
                foreach (var key in CredentialKeys(c))
                {
                    yield return key;
                }

                break;
        }
    }

    private static IEnumerable<UniqueKey> CredentialKeys(Credential c)
    {
        switch (c.Kind)
        {
            case CredentialKind.KeyAuth when c.Key is { } key:
                yield return new($"keyauth_credentials:key:{key}", "key", "uniqueness violation: 'keyauth_credentials' entity with key already exists");
                break;
            case CredentialKind.Jwt when c.Key is { } key:
                yield return Named("jwt_secrets", "key", key);
                break;
            case CredentialKind.BasicAuth when c.Username is { } username:
                yield return Named("basicauth_credentials", "username", username);
                break;
            case CredentialKind.HmacAuth when c.Username is { } username:
                yield return Named("hmacauth_credentials", "username", username);
                break;
            case CredentialKind.Acl when c.Group is { } group:
                yield return new($"acls:{c.ConsumerId}:{group}", "group", $"uniqueness violation: the consumer already has acl group '{group}'");
                break;
        }
    }

    private static UniqueKey Named(string table, string field, string value) =>
        new($"{table}:{field}:{value}", field, $"uniqueness violation: '{table}' entity with {field} set to '{value}' already exists");

    /// <summary>Kong's table name of a kind, as used in its error messages and declarative files.</summary>
    public static string Table(EntityType type) => type switch
    {
        EntityType.Service => "services",
        EntityType.Route => "routes",
        EntityType.Consumer => "consumers",
        EntityType.ConsumerGroup => "consumer_groups",
        EntityType.ConsumerGroupMember => "consumer_group_consumers",
        EntityType.Upstream => "upstreams",
        EntityType.Target => "targets",
        EntityType.Plugin => "plugins",
        EntityType.Certificate => "certificates",
        EntityType.Sni => "snis",
        EntityType.CaCertificate => "ca_certificates",
        EntityType.Credential => "credentials",
        _ => "control_planes",
    };
}
