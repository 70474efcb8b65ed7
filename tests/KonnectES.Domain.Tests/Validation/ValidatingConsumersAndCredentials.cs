namespace KonnectES.Domain.Tests.Validation;

public sealed class ValidatingConsumersAndCredentials
{
    private static readonly Guid Alice = Given.Consumer().Id;
    private readonly ControlPlaneConfig _state = Given.ControlPlaneWithOneService();

    private static Credential Cred(CredentialKind kind) => new() { Id = Given.Id("cred/" + kind), Kind = kind, ConsumerId = Alice };

    [Theory]
    [InlineData("bob", null)]
    [InlineData(null, "ext-42")]
    [InlineData("carol", "ext-43")]
    public void A_consumer_with_a_username_or_a_custom_id_is_accepted(string? username, string? customId) =>
        Verdict.Accepted(_state, new CreateConsumer(new Consumer { Id = Given.Id("c"), Username = username, CustomId = customId }));

    [Fact]
    public void A_consumer_without_username_and_custom_id_is_rejected() =>
        Verdict.Rejected(_state, new CreateConsumer(new Consumer { Id = Given.Id("c") }), "");

    [Theory]
    [InlineData("alice", null, "username")]
    [InlineData("zed", "ext-1", "custom_id")]
    public void Usernames_and_custom_ids_are_unique(string username, string? customId, string field)
    {
        var state = Given.Apply(_state, new CreateConsumer(new Consumer { Id = Given.Id("x"), Username = "x", CustomId = "ext-1" }));

        Verdict.Rejected(state, new CreateConsumer(new Consumer { Id = Given.Id("c"), Username = username, CustomId = customId }), field, DomainError.Conflict);
    }

    [Fact]
    public void A_consumer_group_needs_a_unique_name()
    {
        Verdict.Rejected(_state, new CreateConsumerGroup(new ConsumerGroup { Id = Given.Id("g0") }), "name");
        var state = Given.Apply(_state, new CreateConsumerGroup(new ConsumerGroup { Id = Given.Id("g1"), Name = "gold" }));
        Verdict.Rejected(state, new CreateConsumerGroup(new ConsumerGroup { Id = Given.Id("g2"), Name = "gold" }), "name", DomainError.Conflict);
    }

    [Fact]
    public void A_consumer_joins_a_group_once()
    {
        var group = new ConsumerGroup { Id = Given.Id("g"), Name = "gold" };
        var state = Given.Apply(_state, new CreateConsumerGroup(group), new AddConsumerToGroup(group.Id, Alice));

        Assert.Single(state.ConsumerGroupMembers);
        Verdict.Rejected(state, new AddConsumerToGroup(group.Id, Alice), "id", DomainError.Conflict);
        Verdict.Rejected(state, new AddConsumerToGroup(Guid.NewGuid(), Alice), "consumer_group", DomainError.NotFound);
        Verdict.Rejected(state, new AddConsumerToGroup(group.Id, Guid.NewGuid()), "consumer", DomainError.NotFound);
        Assert.Empty(Given.Apply(state, new RemoveConsumerFromGroup(group.Id, Alice)).ConsumerGroupMembers);
    }

    public static TheoryData<string, Credential> ValidCredentials => new()
    {
        { "key-auth", Cred(CredentialKind.KeyAuth) with { Key = "k-1", Ttl = 3600 } },
        { "basic-auth", Cred(CredentialKind.BasicAuth) with { Username = "alice", Password = "s3cret" } },
        { "jwt HS256", Cred(CredentialKind.Jwt) with { Key = "iss-1", Secret = "shh" } },
        { "jwt RS256", Cred(CredentialKind.Jwt) with { Key = "iss-2", Algorithm = "RS256", RsaPublicKey = "-----BEGIN PUBLIC KEY-----" } },
        { "acl", Cred(CredentialKind.Acl) with { Group = "admin" } },
        { "hmac-auth", Cred(CredentialKind.HmacAuth) with { Username = "alice-hmac", Secret = "shh" } },
    };

    public static TheoryData<string, Credential> InvalidCredentials => new()
    {
        { "key", Cred(CredentialKind.KeyAuth) },
        { "ttl", Cred(CredentialKind.KeyAuth) with { Key = "k", Ttl = -1 } },
        { "username", Cred(CredentialKind.BasicAuth) with { Password = "p" } },
        { "password", Cred(CredentialKind.BasicAuth) with { Username = "u" } },
        { "algorithm", Cred(CredentialKind.Jwt) with { Key = "k", Secret = "s", Algorithm = "none" } },
        { "rsa_public_key", Cred(CredentialKind.Jwt) with { Key = "k", Algorithm = "RS256" } },
        { "secret", Cred(CredentialKind.Jwt) with { Key = "k" } },
        { "group", Cred(CredentialKind.Acl) },
        { "secret", Cred(CredentialKind.HmacAuth) with { Username = "u" } },
        { "consumer", Cred(CredentialKind.Acl) with { Group = "g", ConsumerId = Guid.NewGuid() } },
    };

    [Theory]
    [MemberData(nameof(ValidCredentials))]
    public void A_credential_with_the_fields_of_its_kind_is_accepted(string because, Credential credential)
    {
        Assert.NotEmpty(because);
        Verdict.Accepted(_state, new CreateCredential(credential));
    }

    [Theory]
    [MemberData(nameof(InvalidCredentials))]
    public void A_credential_missing_a_field_of_its_kind_is_rejected(string field, Credential credential) =>
        Verdict.Rejected(_state, new CreateCredential(credential), field, field == "consumer" ? DomainError.NotFound : DomainError.Validation);

    [Theory]
    [InlineData(CredentialKind.KeyAuth, "key")]
    [InlineData(CredentialKind.BasicAuth, "username")]
    [InlineData(CredentialKind.HmacAuth, "username")]
    [InlineData(CredentialKind.Jwt, "key")]
    [InlineData(CredentialKind.Acl, "group")]
    public void Credential_keys_are_unique(CredentialKind kind, string field)
    {
        var first = Cred(kind) with { Key = "k", Username = "u", Password = "p", Secret = "s", Group = "g" };
        var state = Given.Apply(_state, new CreateCredential(first));

        Verdict.Rejected(state, new CreateCredential(first with { Id = Guid.NewGuid() }), field, DomainError.Conflict);
    }

    [Fact]
    public void Masking_hides_keys_passwords_and_secrets_but_not_usernames()
    {
        var basic = (Credential)SecretMasking.Mask(Cred(CredentialKind.BasicAuth) with { Username = "alice", Password = "s3cret" });
        var key = (Credential)SecretMasking.Mask(Cred(CredentialKind.KeyAuth) with { Key = "k-1" });
        var jwt = (Credential)SecretMasking.Mask(Cred(CredentialKind.Jwt) with { Key = "iss", Secret = "shh" });

        Assert.Equal(("alice", SecretMasking.Placeholder), (basic.Username, basic.Password));
        Assert.Equal(SecretMasking.Placeholder, key.Key);
        Assert.Equal(("iss", SecretMasking.Placeholder), (jwt.Key, jwt.Secret));
    }

    [Theory]
    [InlineData("prod", "env", "production")]
    [InlineData("x", "team.name", "a_b-c.d")]
    public void A_control_plane_with_valid_labels_is_accepted(string name, string key, string value) =>
        Assert.Empty(ControlPlaneRules.Validate(new ControlPlane { Name = name, Labels = System.Collections.Immutable.ImmutableSortedDictionary<string, string>.Empty.Add(key, value) }));

    [Theory]
    [InlineData("", "env", "prod", "name")]
    [InlineData("cp", "kong-owned", "x", "labels.kong-owned")]
    [InlineData("cp", "_hidden", "x", "labels._hidden")]
    [InlineData("cp", "env", "-bad", "labels.env")]
    [InlineData("cp", "env", "", "labels.env")]
    public void A_control_plane_breaking_a_rule_is_rejected(string name, string key, string value, string field)
    {
        var errors = ControlPlaneRules.Validate(new ControlPlane { Name = name, Labels = System.Collections.Immutable.ImmutableSortedDictionary<string, string>.Empty.Add(key, value) });

        Assert.Contains(errors, e => e.Path == field);
    }
}
