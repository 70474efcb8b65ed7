namespace KonnectES.Domain.Tests.Validation;

public sealed class ValidatingCertificatesAndSnis
{
    private static readonly Certificate Rsa = new() { Id = Given.Id("cert"), Cert = TestCertificates.Rsa.Cert, Key = TestCertificates.Rsa.Key };
    private readonly ControlPlaneConfig _state = Given.EmptyControlPlane();

    [Fact]
    public void A_matching_pem_pair_is_accepted_and_its_key_fingerprint_is_stored()
    {
        var stored = Assert.IsType<CertificateCreated>(Assert.Single(Given.Events(_state, new CreateCertificate(Rsa)))).Certificate;

        Assert.StartsWith("sha256:", stored.KeyFingerprint, StringComparison.Ordinal);
        Assert.Equal(71, stored.KeyFingerprint.Length);
    }

    [Fact]
    public void An_alternate_pair_of_another_key_type_is_accepted() =>
        Verdict.Accepted(_state, new CreateCertificate(Rsa with { CertAlt = TestCertificates.Ecdsa.Cert, KeyAlt = TestCertificates.Ecdsa.Key }));

    public static TheoryData<string, Certificate> Invalid => new()
    {
        { "cert", Rsa with { Cert = "" } },
        { "cert", Rsa with { Cert = "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----" } },
        { "key", Rsa with { Key = "" } },
        { "key", Rsa with { Key = TestCertificates.OtherRsa.Key } },
        { "key", Rsa with { Key = "garbage" } },
        { "key_alt", Rsa with { CertAlt = TestCertificates.Ecdsa.Cert } },
        { "cert_alt", Rsa with { KeyAlt = TestCertificates.Ecdsa.Key } },
        { "cert_alt", Rsa with { CertAlt = TestCertificates.OtherRsa.Cert, KeyAlt = TestCertificates.OtherRsa.Key } },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void A_pem_pair_that_does_not_parse_or_match_is_rejected(string field, Certificate certificate) =>
        Verdict.Rejected(_state, new CreateCertificate(certificate), field);

    [Theory]
    [InlineData("api.example.com")]
    [InlineData("*.example.com")]
    [InlineData("example.*")]
    public void A_hostname_sni_is_accepted(string name)
    {
        var state = Given.Apply(_state, new CreateCertificate(Rsa));

        Verdict.Accepted(state, new CreateSni(new Sni { Id = Given.Id("sni"), Name = name, CertificateId = Rsa.Id }));
    }

    [Theory]
    [InlineData("")]
    [InlineData("10.0.0.1")]
    [InlineData("api.example.com:443")]
    [InlineData("*.*.example.com")]
    public void An_sni_that_is_not_a_hostname_is_rejected(string name)
    {
        var state = Given.Apply(_state, new CreateCertificate(Rsa));

        Verdict.Rejected(state, new CreateSni(new Sni { Id = Given.Id("sni"), Name = name, CertificateId = Rsa.Id }), "name");
    }

    [Fact]
    public void An_sni_name_is_unique_across_certificates()
    {
        var other = Rsa with { Id = Given.Id("cert2"), Cert = TestCertificates.OtherRsa.Cert, Key = TestCertificates.OtherRsa.Key };
        var state = Given.Apply(_state, new CreateCertificate(Rsa), new CreateCertificate(other),
            new CreateSni(new Sni { Id = Given.Id("sni1"), Name = "a.com", CertificateId = Rsa.Id }));

        Verdict.Rejected(state, new CreateSni(new Sni { Id = Given.Id("sni2"), Name = "a.com", CertificateId = other.Id }), "name", DomainError.Conflict);
    }

    [Fact]
    public void An_sni_of_a_missing_certificate_is_not_found() =>
        Verdict.Rejected(_state, new CreateSni(new Sni { Id = Given.Id("sni"), Name = "a.com", CertificateId = Guid.NewGuid() }), "certificate", DomainError.NotFound);

    [Fact]
    public void Masking_a_certificate_hides_its_keys_but_keeps_the_fingerprint()
    {
        var stored = Assert.IsType<CertificateCreated>(Assert.Single(Given.Events(_state, new CreateCertificate(Rsa)))).Certificate;

        var masked = (Certificate)SecretMasking.Mask(stored);

        Assert.Equal((SecretMasking.Placeholder, stored.Cert, stored.KeyFingerprint), (masked.Key, masked.Cert, masked.KeyFingerprint));
    }
}
