namespace KonnectES.Domain.Tests.Validation;

public sealed class ValidatingServices
{
    private readonly ControlPlaneConfig _state = Given.EmptyControlPlane();

    public static TheoryData<string, Service> Valid => new()
    {
        { "defaults", Given.Service() },
        { "no name", Given.Service() with { Name = null } },
        { "utf-8 name", Given.Service() with { Name = "dienst-ü.v1~x" } },
        { "ipv4 host", Given.Service() with { Host = "10.0.0.1" } },
        { "ipv6 host", Given.Service() with { Host = "::1" } },
        { "underscore host", Given.Service() with { Host = "my_svc.default.svc" } },
        { "port 0 and 65535", Given.Service() with { Port = 65535 } },
        { "path with encoding", Given.Service() with { Path = "/a%20b/c;v=1" } },
        { "grpc without path", Given.Service() with { Protocol = "grpc", Path = null } },
        { "retries bounds", Given.Service() with { Retries = 32767 } },
        { "timeout bounds", Given.Service() with { ConnectTimeout = 1, ReadTimeout = int.MaxValue - 1 } },
        { "https with tls settings", Given.Service() with { Protocol = "https", Port = 443, TlsVerify = true, TlsVerifyDepth = 64 } },
        { "tags", Given.Service() with { Tags = ["team-a", "ünicode", "a:b"] } },
        { "disabled", Given.Service() with { Enabled = false } },
        { "ws with a path (Konnect)", Given.Service() with { Protocol = "ws", Path = "/socket" } },
        { "wss with tls settings (Konnect)", Given.Service() with { Protocol = "wss", Port = 443, Path = "/socket", TlsVerify = true, TlsVerifyDepth = 3 } },
    };

    public static TheoryData<string, Service> Invalid => new()
    {
        { "name", Given.Service() with { Name = "has space" } },
        { "protocol", Given.Service() with { Protocol = "websocket" } },
        { "protocol", Given.Service() with { Protocol = "WS" } },
        { "path", Given.Service() with { Protocol = "ws", Path = "socket" } },
        { "tls_verify", Given.Service() with { Protocol = "ws", TlsVerify = true } },
        { "client_certificate", Given.Service() with { Protocol = "ws", ClientCertificateId = Guid.NewGuid() } },
        { "port", Given.Service() with { Protocol = "wss", Port = 70000 } },
        { "host", Given.Service() with { Host = "" } },
        { "host", Given.Service() with { Host = "example.com:8080" } },
        { "host", Given.Service() with { Host = "bad host!" } },
        { "port", Given.Service() with { Port = 65536 } },
        { "port", Given.Service() with { Port = -1 } },
        { "path", Given.Service() with { Path = "no-slash" } },
        { "path", Given.Service() with { Path = "/a//b" } },
        { "path", Given.Service() with { Path = "/a b" } },
        { "path", Given.Service() with { Path = "/bad%zz" } },
        { "path", Given.Service() with { Protocol = "tcp", Path = "/x" } },
        { "path", Given.Service() with { Protocol = "grpcs", Path = "/x" } },
        { "retries", Given.Service() with { Retries = 32768 } },
        { "connect_timeout", Given.Service() with { ConnectTimeout = 0 } },
        { "write_timeout", Given.Service() with { WriteTimeout = int.MaxValue } },
        { "read_timeout", Given.Service() with { ReadTimeout = -5 } },
        { "tls_verify", Given.Service() with { TlsVerify = true } },
        { "tls_verify_depth", Given.Service() with { Protocol = "https", TlsVerifyDepth = 65 } },
        { "tls_verify_depth", Given.Service() with { TlsVerifyDepth = 1 } },
        { "client_certificate", Given.Service() with { ClientCertificateId = Guid.NewGuid() } },
        { "tags[1]", Given.Service() with { Tags = ["ok", "not,ok"] } },
        { "tags[0]", Given.Service() with { Tags = ["a/b"] } },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void A_service_following_kongs_rules_is_accepted(string because, Service service)
    {
        Assert.NotEmpty(because);
        Verdict.Accepted(_state, new CreateService(service));
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void A_service_breaking_a_rule_is_rejected_on_that_field(string field, Service service) =>
        Verdict.Rejected(_state, new CreateService(service), field);

    [Fact]
    public void A_service_referencing_a_missing_client_certificate_is_rejected_as_not_found()
    {
        var service = Given.Service() with { Protocol = "https", ClientCertificateId = Guid.NewGuid() };

        Verdict.Rejected(_state, new CreateService(service), "client_certificate", DomainError.NotFound);
    }

    [Fact]
    public void A_second_service_with_the_same_name_is_a_conflict()
    {
        var state = Given.Apply(_state, new CreateService(Given.Service("svc")));

        var error = Verdict.Rejected(state, new CreateService(Given.Service("svc") with { Id = Guid.NewGuid() }), "name", DomainError.Conflict);

        Assert.Contains("uniqueness violation", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://auth:9999/verify", "http", "auth", 9999, "/verify")]
    [InlineData("https://api.example.com", "https", "api.example.com", 443, null)]
    [InlineData("http://studio:3000/", "http", "studio", 3000, "/")]
    [InlineData("grpcs://10.1.2.3", "grpcs", "10.1.2.3", 443, null)]
    [InlineData("http://127.0.0.1:65535", "http", "127.0.0.1", 65535, null)]
    [InlineData("ws://realtime:4000/socket", "ws", "realtime", 4000, "/socket")]
    [InlineData("ws://realtime", "ws", "realtime", 80, null)]
    [InlineData("wss://live.example.com/feed", "wss", "live.example.com", 443, "/feed")]
    public void The_url_shorthand_sets_protocol_host_port_and_path(string url, string protocol, string host, int port, string? path)
    {
        var service = ServiceUrl.Apply(Given.Service(), url).Value;

        Assert.Equal((protocol, host, port, path), (service.Protocol, service.Host, service.Port, service.Path));
    }

    [Fact]
    public void A_malformed_url_is_a_validation_error_on_url()
    {
        var result = ServiceUrl.Apply(Given.Service(), "not a url");

        Assert.Equal("url", Assert.Single(result.Errors).Path);
    }

    [Fact]
    public void Updating_a_service_that_does_not_exist_is_not_found() =>
        Verdict.Rejected(_state, new UpdateService(Given.Service()), "id", DomainError.NotFound);

    [Fact]
    public void Tags_are_stored_as_a_sorted_set()
    {
        var events = Given.Events(_state, new CreateService(Given.Service() with { Tags = ["b", "a", "b"] }));

        Assert.Equal(["a", "b"], Assert.IsType<ServiceCreated>(Assert.Single(events)).Service.Tags.ToArray());
    }
}
