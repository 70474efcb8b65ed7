namespace KonnectES.Server.Tests.Portal.Authorization;

/// <summary>
/// A class fixture: a server with control planes X and Y, in X a service, consumer, consumer group, upstream and
/// certificate that the matrix's cases hang their entities on, and one token per caller.
/// </summary>
public sealed class ControlPlanesXAndY : IAsyncLifetime
{
    public const string XName = "matrix-x";
    private readonly PortalServer _server = new();
    private readonly Dictionary<Caller, string?> _tokens = [];
    private int _counter;

    internal PortalHost Host => _server.Host;

    internal PortalClient Admin => _server.Admin;

    public string X { get; private set; } = "";

    public string Y { get; private set; } = "";

    public string ServiceOfX { get; private set; } = "";

    public string ConsumerOfX { get; private set; } = "";

    public string GroupOfX { get; private set; } = "";

    public string UpstreamOfX { get; private set; } = "";

    public string CertificateOfX { get; private set; } = "";

    public (string Cert, string Key) KeyPair { get; } = TestCertificates.Ecdsa("matrix.example.com");

    /// <summary>A number no other case of this fixture has used.</summary>
    public int Unique() => Interlocked.Increment(ref _counter);

    internal PortalClient ClientOf(Caller caller) => Admin.As(_tokens[caller]);

    /// <summary>Tokens of the three scoped roles for another control plane (the cases that change the control plane itself).</summary>
    internal async Task<PortalClient> ClientForAsync(Caller caller, string controlPlaneId) => caller switch
    {
        Caller.ControlPlaneAdminOfX => Admin.As(await Host.TokenAsync($"m{Unique()}-cp-admin", "CONTROL_PLANE_ADMIN", controlPlaneId)),
        Caller.EditorOfX => Admin.As(await Host.TokenAsync($"m{Unique()}-editor", "EDITOR", controlPlaneId)),
        Caller.ViewerOfX => Admin.As(await Host.TokenAsync($"m{Unique()}-viewer", "VIEWER", controlPlaneId)),
        _ => ClientOf(caller),
    };

    /// <summary>The config version of a control plane, as the admin reads it; -1 when it does not exist.</summary>
    public async Task<int> VersionAsync(string controlPlaneId)
    {
        var plane = (await Admin.DataAsync("query($cp: ID) { controlPlane(id: $cp) { version } }", new { cp = controlPlaneId })).GetProperty("controlPlane");
        return plane.ValueKind == System.Text.Json.JsonValueKind.Null ? -1 : plane.GetProperty("version").GetInt32();
    }

    /// <summary>Creates an entity in X as the admin and returns its id (<paramref name="payload"/>.id of the mutation's payload).</summary>
    public async Task<string> CreateAsync(string field, string payload, string input, object? variables = null)
    {
        var vars = System.Text.Json.JsonSerializer.SerializeToNode(variables ?? new { })!.AsObject();
        vars["cp"] = X;
        var declared = string.Concat(vars.Where(v => v.Key != "cp").Select(v => $", ${v.Key}: {(v.Key.EndsWith("Id", StringComparison.Ordinal) ? "ID" : "String")}"));
        var result = await Admin.OkAsync(field, $"mutation($cp: ID!{declared}) {{ {field}(input: {{controlPlaneId: $cp, {input}}}) {{ {payload} {{ id }} errors {{ code message }} }} }}", vars);
        return result.Str(payload + ".id")!;
    }

    public async Task InitializeAsync()
    {
        await _server.InitializeAsync();
        X = await Host.CreateControlPlaneAsync(XName);
        Y = await Host.CreateControlPlaneAsync("matrix-y");
        _tokens[Caller.Admin] = PortalHost.AdminToken;
        _tokens[Caller.ControlPlaneAdminOfX] = await Host.TokenAsync("x-cp-admin", "CONTROL_PLANE_ADMIN", X);
        _tokens[Caller.EditorOfX] = await Host.TokenAsync("x-editor", "EDITOR", X);
        _tokens[Caller.ViewerOfX] = await Host.TokenAsync("x-viewer", "VIEWER", X);
        _tokens[Caller.TokenOfY] = await Host.TokenAsync("y-cp-admin", "CONTROL_PLANE_ADMIN", Y);
        _tokens[Caller.NoToken] = null;
        _tokens[Caller.BadToken] = "kes_not_a_token_of_this_server";
        ServiceOfX = await CreateAsync("createService", "service", "name: \"x-service\", host: \"x.internal\"");
        ConsumerOfX = await CreateAsync("createConsumer", "consumer", "username: \"x-consumer\"");
        GroupOfX = await CreateAsync("createConsumerGroup", "consumerGroup", "name: \"x-group\"");
        UpstreamOfX = await CreateAsync("createUpstream", "upstream", "name: \"x-upstream\"");
        CertificateOfX = await CreateAsync("createCertificate", "certificate", "cert: $cert, key: $key", new { cert = KeyPair.Cert, key = KeyPair.Key });
    }

    public Task DisposeAsync() => _server.DisposeAsync();
}
