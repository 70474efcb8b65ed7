using System.Text.Json;

namespace KonnectES.Domain.Tests.Properties;

/// <summary>Whatever the field values, Decide answers with events or errors and never throws.</summary>
public sealed class DecidingArbitraryInput
{
    private static readonly string[] Pieces =
    [
        "", "a", "Z", "0", "9", "-", "_", ".", "*", ":", "/", "//", "~", "~/", "%", "%2", "%zz", "%41", "[", "]", "::1", "[::1]", "10.0.0.1",
        "?", "#", "(", ")", "(?<n>", "\\", "\\1", " ", "ü", "é", ",", "$", "^", "api", "example.com", "*.a", "a.*", "host", "~*", "65536", "-1",
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_field_values_are_answered_with_events_or_errors(int seed)
    {
        var random = new Random(seed);
        var state = Given.ControlPlaneWithOneService();
        for (var i = 0; i < 400; i++)
        {
            var command = RandomCommand(random);

            var result = ControlPlaneConfig.Decide(state, command);

            Assert.True(result.IsSuccess || result.Errors.Count > 0);
            if (result.IsSuccess)
            {
                state = ControlPlaneConfig.Fold(state, result.Value);
            }
        }

        Assert.Equal(EntityHash.Of(state.Entities), state.Hash);
    }

    private static IConfigCommand RandomCommand(Random random)
    {
        string S() => string.Concat(Enumerable.Range(0, random.Next(1, 4)).Select(_ => Pieces[random.Next(Pieces.Length)]));
        int I() => random.Next(6) switch { 0 => -1, 1 => 0, 2 => 65536, 3 => int.MaxValue, _ => random.Next(1, 70000) };
        var id = Guid.NewGuid();
        return random.Next(8) switch
        {
            0 => new CreateService(new Service { Id = id, Name = S(), Host = S(), Path = S(), Port = I(), Protocol = random.Next(2) == 0 ? "https" : S(), Tags = [S()] }),
            1 => new CreateRoute(new Route
            {
                Id = id, Name = S(), Hosts = [S()], Paths = [S(), S()], Methods = [S()], Snis = [S()],
                Protocols = random.Next(2) == 0 ? [S()] : ["http", "https"], Sources = [new RouteEndpoint { Ip = S(), Port = I() }],
                Headers = System.Collections.Immutable.ImmutableSortedDictionary<string, System.Collections.Immutable.ImmutableArray<string>>.Empty.Add(S(), [S()]),
                Expression = random.Next(3) == 0 ? S() : null, Priority = I(),
            }),
            2 => new CreateUpstream(new Upstream { Id = id, Name = S(), HashOn = S(), HashFallback = S(), HashOnHeader = S(), HostHeader = S(), Slots = I() }),
            3 => new CreateTarget(new Target { Id = id, UpstreamId = Given.Upstream().Id, TargetAddress = S(), Weight = I() }),
            4 => new CreatePlugin(new Plugin { Id = id, Name = PluginCatalog.KnownNames[random.Next(PluginCatalog.KnownNames.Count)], Config = RandomConfig(random, S), Protocols = [S()] }),
            5 => new CreateConsumer(new Consumer { Id = id, Username = S(), CustomId = S() }),
            6 => new CreateCredential(new Credential { Id = id, Kind = (CredentialKind)random.Next(5), ConsumerId = Given.Consumer().Id, Key = S(), Username = S(), Secret = S(), Group = S(), Algorithm = S() }),
            _ => new CreateSni(new Sni { Id = id, Name = S(), CertificateId = Guid.NewGuid() }),
        };
    }

    private static JsonElement RandomConfig(Random random, Func<string> s)
    {
        var fields = new[] { "allow", "deny", "minute", "hour", "key_names", "status_code", "methods", "add", "origins", "redis", "limit_by", "message", "body" };
        var pairs = Enumerable.Range(0, random.Next(4)).Select(_ => fields[random.Next(fields.Length)]).Distinct()
            .Select(f => $"\"{f}\": {(random.Next(4) switch { 0 => "1", 1 => "[\"" + JsonEncodedText.Encode(s()) + "\"]", 2 => "{\"headers\": [\"a\"]}", _ => "\"" + JsonEncodedText.Encode(s()) + "\"" })}");
        return JsonDocument.Parse("{" + string.Join(",", pairs) + "}").RootElement.Clone();
    }
}
