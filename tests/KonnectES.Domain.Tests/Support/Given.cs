namespace KonnectES.Domain.Tests;

/// <summary>States to start specifications from, built through Decide/Evolve like the real host does.</summary>
internal static class Given
{
    public static readonly Guid ControlPlaneId = new("0b6c1a52-5e0f-4f3e-9a51-3c1d2e4f5a60");

    public static ControlPlaneConfig EmptyControlPlane() =>
        Apply(ControlPlaneConfig.Empty(ControlPlaneId), new CreateControlPlane(new ControlPlane { Name = "default" }));

    public static ControlPlaneConfig Apply(ControlPlaneConfig state, params IConfigCommand[] commands)
    {
        foreach (var command in commands)
        {
            var result = ControlPlaneConfig.Decide(state, command);
            Assert.True(result.IsSuccess, $"{command.GetType().Name} failed: {string.Join("; ", result.Errors)}");
            state = ControlPlaneConfig.Fold(state, result.Value);
        }

        return state;
    }

    public static IReadOnlyList<DomainError> Errors(ControlPlaneConfig state, IConfigCommand command)
    {
        var result = ControlPlaneConfig.Decide(state, command);
        Assert.False(result.IsSuccess, $"{command.GetType().Name} was expected to fail");
        return result.Errors;
    }

    public static IReadOnlyList<IConfigEvent> Events(ControlPlaneConfig state, IConfigCommand command)
    {
        var result = ControlPlaneConfig.Decide(state, command);
        Assert.True(result.IsSuccess, $"{command.GetType().Name} failed: {string.Join("; ", result.Errors)}");
        return result.Value;
    }

    public static Guid Id(string name) => DeterministicId.From("test/" + name);

    public static Service Service(string name = "svc", string host = "example.com") => new() { Id = Id("service/" + name), Name = name, Host = host };

    public static Route Route(string name = "r1", Guid? serviceId = null) =>
        new() { Id = Id("route/" + name), Name = name, Paths = ["/" + name], ServiceId = serviceId };

    public static Consumer Consumer(string username = "alice") => new() { Id = Id("consumer/" + username), Username = username };

    public static Upstream Upstream(string name = "backend.internal") => new() { Id = Id("upstream/" + name), Name = name };

    public static Plugin Plugin(string name, string config = "{}", Guid? serviceId = null, Guid? routeId = null, Guid? consumerId = null) => new()
    {
        Id = Id($"plugin/{name}/{serviceId}/{routeId}/{consumerId}"),
        Name = name,
        Config = System.Text.Json.JsonDocument.Parse(config).RootElement.Clone(),
        ServiceId = serviceId,
        RouteId = routeId,
        ConsumerId = consumerId,
    };

    /// <summary>A control plane with service "svc", its route "r1", upstream "backend.internal" and consumer "alice".</summary>
    public static ControlPlaneConfig ControlPlaneWithOneService()
    {
        var service = Service();
        return Apply(EmptyControlPlane(), new CreateService(service), new CreateRoute(Route("r1", service.Id)),
            new CreateUpstream(Upstream()), new CreateConsumer(Consumer()));
    }
}
