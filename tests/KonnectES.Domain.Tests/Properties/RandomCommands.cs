namespace KonnectES.Domain.Tests.Properties;

/// <summary>Generates plausible (sometimes invalid) commands against the current state.</summary>
internal sealed class RandomCommands(Random random)
{
    private static readonly string[] Names = ["alpha", "beta", "gamma", "delta", "eps", "zeta"];

    public IConfigCommand Next(ControlPlaneConfig state, IReadOnlyList<ControlPlaneConfig> history)
    {
        var services = state.Services.OrderBy(s => s.Id).ToList();
        var routes = state.Routes.OrderBy(r => r.Id).ToList();
        var consumers = state.Consumers.OrderBy(c => c.Id).ToList();
        var groups = state.ConsumerGroups.OrderBy(g => g.Id).ToList();
        var upstreams = state.Upstreams.OrderBy(u => u.Id).ToList();
        var plugins = state.Plugins.OrderBy(p => p.Id).ToList();
        var name = Names[random.Next(Names.Length)] + random.Next(4);
        return random.Next(20) switch
        {
            0 or 1 => new CreateService(new Service { Id = NewId(), Name = name, Host = name + ".internal", Port = random.Next(1, 9000) }),
            2 when services.Count > 0 => new UpdateService(Pick(services) with { Retries = random.Next(0, 10), Tags = [Names[random.Next(3)]] }),
            3 when services.Count > 0 => new DeleteService(Pick(services).Id),
            4 or 5 => new CreateRoute(new Route { Id = NewId(), Name = random.Next(2) == 0 ? null : name, Paths = ["/" + name], ServiceId = services.Count > 0 ? Pick(services).Id : null }),
            6 when routes.Count > 0 => new UpdateRoute(Pick(routes) with { Methods = ["GET"], StripPath = random.Next(2) == 0 }),
            7 when routes.Count > 0 => new DeleteRoute(Pick(routes).Id),
            8 => new CreateConsumer(new Consumer { Id = NewId(), Username = name }),
            9 when consumers.Count > 0 => new DeleteConsumer(Pick(consumers).Id),
            10 when consumers.Count > 0 => new CreateCredential(new Credential { Id = NewId(), Kind = CredentialKind.KeyAuth, ConsumerId = Pick(consumers).Id, Key = "key-" + random.Next(50) }),
            11 => new CreateConsumerGroup(new ConsumerGroup { Id = NewId(), Name = name }),
            12 when groups.Count > 0 && consumers.Count > 0 => random.Next(3) == 0
                ? new RemoveConsumerFromGroup(Pick(groups).Id, Pick(consumers).Id)
                : new AddConsumerToGroup(Pick(groups).Id, Pick(consumers).Id),
            13 => new CreateUpstream(new Upstream { Id = NewId(), Name = name + ".upstream", Slots = random.Next(10, 200) }),
            14 when upstreams.Count > 0 => new CreateTarget(new Target { Id = NewId(), UpstreamId = Pick(upstreams).Id, TargetAddress = $"10.0.0.{random.Next(1, 6)}" }),
            15 => Plugin(services, routes, consumers),
            16 when plugins.Count > 0 => new DeletePlugin(Pick(plugins).Id),
            17 when groups.Count > 0 => new DeleteConsumerGroup(Pick(groups).Id),
            18 => new ImportConfig($"_format_version: \"3.0\"\nservices:\n- name: {name}\n  host: imported.{name}\n  retries: {random.Next(6)}\n  routes:\n  - name: imp-{name}\n    paths: [/imp/{name}]\n", ConfigFormat.Yaml, ImportMode.Merge),
            19 when history.Count > 2 => RollBack(history),
            _ => new CreateService(new Service { Id = NewId(), Name = name, Host = "fallback.internal" }),
        };
    }

    private IConfigCommand Plugin(List<Service> services, List<Route> routes, List<Consumer> consumers) => random.Next(3) switch
    {
        0 when services.Count > 0 => new CreatePlugin(new Plugin { Id = NewId(), Name = "cors", ServiceId = Pick(services).Id }),
        1 when routes.Count > 0 => new CreatePlugin(new Plugin { Id = NewId(), Name = "correlation-id", RouteId = Pick(routes).Id }),
        2 when consumers.Count > 0 => new CreatePlugin(new Plugin { Id = NewId(), Name = "request-termination", ConsumerId = Pick(consumers).Id }),
        _ => new CreatePlugin(new Plugin { Id = NewId(), Name = "key-auth" }),
    };

    private RollBackConfig RollBack(IReadOnlyList<ControlPlaneConfig> history)
    {
        var version = random.Next(1, history.Count - 1);
        return new RollBackConfig(version, history[version]);
    }

    private T Pick<T>(List<T> items) => items[random.Next(items.Count)];

    private Guid NewId()
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }
}
