namespace KonnectES.Server.Tests.Portal;

public sealed class ManagingCertificatesAndSnis(PortalServer server) : IClassFixture<PortalServer>
{
    private const string CertificateFields = "certificate { id cert keyFingerprint snis tags } version errors { code message field }";

    [Fact]
    public async Task A_certificate_is_created_rotated_and_deleted_and_its_key_never_leaves()
    {
        // Given a control plane and two key pairs
        var cp = await server.Host.CreateControlPlaneAsync("certificates-crud");
        var (cert, key) = TestCertificates.Ecdsa("api.example.com");
        var (rotatedCert, rotatedKey) = TestCertificates.Ecdsa("api.example.com");

        // When a certificate is created
        var created = await server.Admin.OkAsync("createCertificate",
            $"mutation($cp: ID!, $cert: String!, $key: String!) {{ createCertificate(input: {{controlPlaneId: $cp, cert: $cert, key: $key, tags: [\"edge\"], reason: \"tls\"}}) {{ {CertificateFields} }} }}",
            new { cp, cert, key });

        // Then it is stored with its key fingerprint, and neither the payload nor the history shows the key
        var id = created.Str("certificate.id")!;
        Assert.StartsWith("sha256:", created.Str("certificate.keyFingerprint"), StringComparison.Ordinal);
        Assert.Equal(cert.Trim(), created.Str("certificate.cert")!.Trim());
        Assert.Equal(["edge"], created.Strings("certificate.tags"));
        Assert.Empty(created.Strings("certificate.snis"));
        var createdEvent = await server.Host.LatestEventAsync(cp);
        Assert.Equal(("CertificateCreated", "CERTIFICATE", id, "admin", "tls"),
            (createdEvent.Str("type"), createdEvent.Str("entityType"), createdEvent.Str("entityId"), createdEvent.Str("actor"), createdEvent.Str("reason")));
        Assert.DoesNotContain(KeyBody(key), createdEvent.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(KeyBody(key), created.ToString(), StringComparison.Ordinal);
        Assert.Equal(created.Str("certificate.keyFingerprint"), (await server.Host.NodeAsync(id, "... on Certificate { keyFingerprint }")).Str("keyFingerprint"));

        // When only its tags change, the stored key is kept (no key sent)
        var retagged = await server.Admin.OkAsync("updateCertificate",
            $"mutation($cp: ID!, $id: ID!) {{ updateCertificate(input: {{controlPlaneId: $cp, id: $id, tags: [\"edge\", \"eu\"]}}) {{ {CertificateFields} }} }}", new { cp, id });
        Assert.Equal(created.Str("certificate.keyFingerprint"), retagged.Str("certificate.keyFingerprint"));
        Assert.Equal(["edge", "eu"], retagged.Strings("certificate.tags"));

        // When it is rotated to a new key pair
        var rotated = await server.Admin.OkAsync("updateCertificate",
            $"mutation($cp: ID!, $id: ID!, $cert: String!, $key: String!) {{ updateCertificate(input: {{controlPlaneId: $cp, id: $id, cert: $cert, key: $key, reason: \"rotate\"}}) {{ {CertificateFields} }} }}",
            new { cp, id, cert = rotatedCert, key = rotatedKey });

        // Then the fingerprint follows the new key, as a new audited version
        Assert.NotEqual(created.Str("certificate.keyFingerprint"), rotated.Str("certificate.keyFingerprint"));
        Assert.Equal(retagged.Int("version") + 1, rotated.Int("version"));
        var rotatedEvent = await server.Host.LatestEventAsync(cp);
        Assert.Equal(("CertificateUpdated", "rotate"), (rotatedEvent.Str("type"), rotatedEvent.Str("reason")));
        Assert.DoesNotContain(KeyBody(rotatedKey), rotatedEvent.ToString(), StringComparison.Ordinal);

        // When it is deleted
        var deleted = await server.Admin.OkAsync("deleteCertificate",
            "mutation($cp: ID!, $id: ID!) { deleteCertificate(input: {controlPlaneId: $cp, id: $id}) { deletedId version errors { code } } }", new { cp, id });
        Assert.Equal(id, deleted.Str("deletedId"));
        var after = await server.Admin.DataAsync("query($cp: ID) { controlPlane(id: $cp) { certificates { totalCount } } }", new { cp });
        Assert.Equal(0, after.Int("controlPlane.certificates.totalCount"));
        Assert.Equal("CertificateDeleted", (await server.Host.LatestEventAsync(cp)).Str("type"));
    }

    [Fact]
    public async Task SNIs_name_their_certificate_and_the_certificate_lists_them()
    {
        // Given a certificate
        var cp = await server.Host.CreateControlPlaneAsync("snis-crud");
        var (cert, key) = TestCertificates.Ecdsa("shop.example.com");
        var certificate = (await server.Admin.OkAsync("createCertificate",
            "mutation($cp: ID!, $cert: String!, $key: String!) { createCertificate(input: {controlPlaneId: $cp, cert: $cert, key: $key}) { certificate { id keyFingerprint } errors { code } } }",
            new { cp, cert, key })).At("certificate");

        // When two SNIs are created for it
        var shop = await server.Admin.OkAsync("createSni",
            "mutation($cp: ID!, $c: ID!) { createSni(input: {controlPlaneId: $cp, name: \"shop.example.com\", certificateId: $c, reason: \"sni\"}) { sni { id name certificate { keyFingerprint } } version errors { code } } }",
            new { cp, c = certificate.Str("id") });
        var wildcard = await server.Admin.OkAsync("createSni",
            "mutation($cp: ID!, $c: ID!) { createSni(input: {controlPlaneId: $cp, name: \"*.example.com\", certificateId: $c}) { sni { id name } version errors { code } } }",
            new { cp, c = certificate.Str("id") });

        // Then each SNI leads to the certificate, and the certificate lists both names
        var id = shop.Str("sni.id")!;
        Assert.Equal(certificate.Str("keyFingerprint"), shop.Str("sni.certificate.keyFingerprint"));
        var listed = await server.Admin.DataAsync(
            "query($cp: ID) { controlPlane(id: $cp) { snis { totalCount edges { node { name } } } certificates { edges { node { snis } } } } }", new { cp });
        Assert.Equal(2, listed.Int("controlPlane.snis.totalCount"));
        Assert.Equal(["*.example.com", "shop.example.com"], listed.Strings("controlPlane.certificates.edges.0.node.snis").Order());
        Assert.Equal("shop.example.com", (await server.Host.NodeAsync(id, "... on Sni { name }")).Str("name"));
        var createdEvent = await server.Host.LatestEventAsync(cp);
        Assert.Equal(("SniCreated", "SNI", wildcard.Str("sni.id"), "admin"),
            (createdEvent.Str("type"), createdEvent.Str("entityType"), createdEvent.Str("entityId"), createdEvent.Str("actor")));

        // When one is renamed and the other deleted
        var renamed = await server.Admin.OkAsync("updateSni",
            "mutation($cp: ID!, $id: ID!) { updateSni(input: {controlPlaneId: $cp, id: $id, name: \"store.example.com\"}) { sni { name certificate { keyFingerprint } } version errors { code } } }",
            new { cp, id });
        var renamedEvent = await server.Host.LatestEventAsync(cp);
        var deleted = await server.Admin.OkAsync("deleteSni",
            "mutation($cp: ID!, $id: ID!) { deleteSni(input: {controlPlaneId: $cp, id: $id}) { deletedId version errors { code } } }", new { cp, id = wildcard.Str("sni.id") });

        // Then the certificate lists the renamed one only
        Assert.Equal("store.example.com", renamed.Str("sni.name"));
        Assert.Equal(certificate.Str("keyFingerprint"), renamed.Str("sni.certificate.keyFingerprint"));
        Assert.Equal(("SniUpdated", id), (renamedEvent.Str("type"), renamedEvent.Str("entityId")));
        Assert.Equal(wildcard.Str("sni.id"), deleted.Str("deletedId"));
        var after = await server.Admin.DataAsync("query($cp: ID) { controlPlane(id: $cp) { certificates { edges { node { snis } } } } }", new { cp });
        Assert.Equal(["store.example.com"], after.Strings("controlPlane.certificates.edges.0.node.snis"));
        Assert.Equal("SniDeleted", (await server.Host.LatestEventAsync(cp)).Str("type"));
    }

    [Fact]
    public async Task Mismatched_keys_bad_names_taken_names_and_missing_certificates_are_refused()
    {
        // Given a certificate with an SNI
        var cp = await server.Host.CreateControlPlaneAsync("certificates-invalid");
        var (cert, key) = TestCertificates.Ecdsa("a.example.com");
        var (_, otherKey) = TestCertificates.Ecdsa("b.example.com");
        var (rsaCert, _) = TestCertificates.Rsa("c.example.com");
        var certificate = (await server.Admin.OkAsync("createCertificate",
            "mutation($cp: ID!, $cert: String!, $key: String!) { createCertificate(input: {controlPlaneId: $cp, cert: $cert, key: $key}) { certificate { id } errors { code } } }",
            new { cp, cert, key })).Str("certificate.id");
        await server.Admin.OkAsync("createSni",
            "mutation($cp: ID!, $c: ID!) { createSni(input: {controlPlaneId: $cp, name: \"a.example.com\", certificateId: $c}) { sni { id } errors { code } } }", new { cp, c = certificate });
        var version = (await server.Host.LatestEventAsync(cp)).Int("version");
        const string Create = "mutation($cp: ID!, $cert: String!, $key: String!, $certAlt: String) { createCertificate(input: {controlPlaneId: $cp, cert: $cert, key: $key, certAlt: $certAlt}) { certificate { id } errors { code message field } } }";
        const string Sni = "mutation($cp: ID!, $n: String!, $c: ID!) { createSni(input: {controlPlaneId: $cp, name: $n, certificateId: $c}) { sni { id } errors { code message field } } }";

        // When they are sent
        var mismatch = await server.Admin.UserErrorAsync("createCertificate", Create, new { cp, cert, key = otherKey });
        var notACert = await server.Admin.UserErrorAsync("createCertificate", Create, new { cp, cert = "not a certificate", key });
        var altWithoutKey = await server.Admin.UserErrorAsync("createCertificate", Create, new { cp, cert, key, certAlt = rsaCert });
        var ipName = await server.Admin.UserErrorAsync("createSni", Sni, new { cp, n = "10.0.0.1", c = certificate });
        var taken = await server.Admin.UserErrorAsync("createSni", Sni, new { cp, n = "a.example.com", c = certificate });
        var noCertificate = await server.Admin.UserErrorAsync("createSni", Sni, new { cp, n = "z.example.com", c = Guid.NewGuid() });

        // Then each is refused with its code and field, and nothing was written
        UserErrors.AssertIs(mismatch, "VALIDATION", "key");
        UserErrors.AssertIs(notACert, "VALIDATION", "cert");
        UserErrors.AssertIs(altWithoutKey, "VALIDATION", "key_alt");
        UserErrors.AssertIs(ipName, "VALIDATION", "name");
        Assert.Equal("CONFLICT", taken.Str("code"));
        Assert.Equal("NOT_FOUND", noCertificate.Str("code"));
        Assert.Equal(version, (await server.Host.LatestEventAsync(cp)).Int("version"));
    }

    private static string KeyBody(string pem) => pem.Split('\n')[1];
}
