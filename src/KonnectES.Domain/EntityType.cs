namespace KonnectES.Domain;

/// <summary>The kinds of configuration entities (the portal's <c>EntityType</c>, plus consumer group memberships).</summary>
public enum EntityType
{
    /// <summary>The control plane itself (name, description, labels).</summary>
    ControlPlane,
    /// <summary>Kong <c>services</c>.</summary>
    Service,
    /// <summary>Kong <c>routes</c>.</summary>
    Route,
    /// <summary>Kong <c>consumers</c>.</summary>
    Consumer,
    /// <summary>Kong <c>consumer_groups</c>.</summary>
    ConsumerGroup,
    /// <summary>Kong <c>consumer_group_consumers</c>: one consumer in one group.</summary>
    ConsumerGroupMember,
    /// <summary>Kong <c>upstreams</c>.</summary>
    Upstream,
    /// <summary>Kong <c>targets</c>.</summary>
    Target,
    /// <summary>Kong <c>plugins</c>.</summary>
    Plugin,
    /// <summary>Kong <c>certificates</c>.</summary>
    Certificate,
    /// <summary>Kong <c>snis</c>.</summary>
    Sni,
    /// <summary>Kong <c>ca_certificates</c>.</summary>
    CaCertificate,
    /// <summary>Plugin-owned credentials (key-auth, basic-auth, jwt, acl, hmac-auth).</summary>
    Credential,
}
