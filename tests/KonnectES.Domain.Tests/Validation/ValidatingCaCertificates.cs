namespace KonnectES.Domain.Tests.Validation;

public sealed class ValidatingCaCertificates
{
    private static readonly CaCertificate Ca = new() { Id = Given.Id("ca"), Cert = TestCertificates.Ca };
    private readonly ControlPlaneConfig _state = Given.EmptyControlPlane();

    [Fact]
    public void A_ca_certificate_is_accepted_and_its_digest_is_derived()
    {
        var stored = Assert.IsType<CaCertificateCreated>(Assert.Single(Given.Events(_state, new CreateCaCertificate(Ca)))).CaCertificate;

        Assert.Equal(64, stored.CertDigest.Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a pem")]
    public void Something_that_is_not_a_certificate_is_rejected(string cert) =>
        Verdict.Rejected(_state, new CreateCaCertificate(Ca with { Cert = cert }), "cert");

    [Fact]
    public void A_certificate_without_the_ca_constraint_is_rejected() =>
        Assert.Contains("basic constraint", Verdict.Rejected(_state, new CreateCaCertificate(Ca with { Cert = TestCertificates.Rsa.Cert }), "cert").Message, StringComparison.Ordinal);

    [Fact]
    public void Two_certificates_at_once_are_rejected() =>
        Verdict.Rejected(_state, new CreateCaCertificate(Ca with { Cert = TestCertificates.Ca + TestCertificates.Ca }), "cert");

    [Fact]
    public void The_same_ca_certificate_twice_is_a_conflict()
    {
        var state = Given.Apply(_state, new CreateCaCertificate(Ca));

        Verdict.Rejected(state, new CreateCaCertificate(Ca with { Id = Guid.NewGuid() }), "cert_digest", DomainError.Conflict);
    }

    [Fact]
    public void An_https_service_may_reference_ca_certificates_and_then_they_cannot_be_deleted()
    {
        var state = Given.Apply(_state, new CreateCaCertificate(Ca),
            new CreateService(Given.Service() with { Protocol = "https", Port = 443, CaCertificates = [Ca.Id] }));

        Assert.Equal(DomainError.Conflict, Assert.Single(Given.Errors(state, new DeleteCaCertificate(Ca.Id))).Code);
    }

    [Fact]
    public void Only_https_and_tls_services_may_reference_ca_certificates()
    {
        var state = Given.Apply(_state, new CreateCaCertificate(Ca));

        Verdict.Rejected(state, new CreateService(Given.Service() with { CaCertificates = [Ca.Id] }), "ca_certificates");
        Verdict.Rejected(state, new CreateService(Given.Service() with { Protocol = "https", CaCertificates = [Guid.NewGuid()] }), "ca_certificates", DomainError.NotFound);
    }

    [Fact]
    public void Ca_certificates_import_and_export_with_the_services_that_use_them()
    {
        var pem = string.Join("\n", TestCertificates.Ca.TrimEnd().Split('\n').Select(l => "    " + l));
        var yaml = $"_format_version: \"3.0\"\nca_certificates:\n- id: {Ca.Id}\n  cert: |\n{pem}\nservices:\n- name: s\n  url: https://a.com\n  ca_certificates: [{Ca.Id}]\n";

        var state = Given.Apply(_state, new ImportConfig(yaml, ConfigFormat.Yaml, ImportMode.Merge));
        var plan = DeclarativeConfig.Plan(state, DeclarativeConfig.Export(state, ConfigFormat.Yaml), ConfigFormat.Yaml, ImportMode.Replace);

        Assert.Equal([Ca.Id], state.Services.Single().CaCertificates.ToArray());
        Assert.Empty(plan.Value);
    }
}
