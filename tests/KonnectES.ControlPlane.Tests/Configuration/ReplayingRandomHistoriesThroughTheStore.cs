using KonnectES.Domain.Tests.Properties;

namespace KonnectES.ControlPlane.Tests.Configuration;

/// <summary>
/// The property at the integration level: random sequences of 200 commands through the handler (stored,
/// projected), then for random versions N: the config at N equals an independent fold of the stored events, rolling
/// back to N gives N's hash, and the diff between N and the rollback's version is empty.
/// </summary>
public sealed class ReplayingRandomHistoriesThroughTheStore(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private const int Commands = 200;
    private ConfigHost _host = null!;

    public async Task InitializeAsync() => _host = await ConfigHost.StartAsync(database, checkpointEvery: 16);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(3)]
    [InlineData(2026)]
    public async Task Every_probed_version_equals_the_plain_fold_and_rolling_back_to_it_restores_it(int seed)
    {
        var random = new Random(seed);
        var cp = await _host.CreateControlPlaneAsync($"random-{seed}");
        var states = new List<ControlPlaneConfig> { ControlPlaneConfig.Empty(cp) };
        states.Add(await _host.Handler.GetCurrentAsync(cp));
        var generator = new RandomCommands(random);
        for (var i = 0; i < Commands; i++)
        {
            var result = await _host.Handler.HandleAsync(cp, generator.Next(states[^1], states), new CommandContext($"user{i % 3}"));
            foreach (var @event in result.Events)
            {
                states.Add(ControlPlaneConfig.Evolve(states[^1], @event));
            }
        }

        var stored = await _host.Store.ReadStreamAsync(cp).Select(e => e.Data).ToListAsync();
        Assert.True(stored.Count > Commands / 2, $"only {stored.Count} events were stored");
        Assert.Equal(states.Count - 1, stored.Count);

        for (var probe = 0; probe < 6; probe++)
        {
            var n = random.Next(1, stored.Count + 1);
            var reducer = new PlainReducer();
            stored.Take(n).ToList().ForEach(reducer.Apply);

            var atN = await _host.History.GetConfigAtAsync(cp, n);

            Assert.Equal(reducer.Sorted(), PlainReducer.Of(atN!));
            Assert.Equal(EntityHash.Of(atN!.Entities), atN.Hash);

            var rollback = await _host.History.RollBackAsync(cp, n, new CommandContext("prober") { Reason = $"probe {probe}" });

            Assert.True(rollback.IsSuccess, string.Join("; ", rollback.Errors));
            Assert.Equal(atN.Hash, rollback.Hash);
            Assert.Empty((await _host.History.DiffAsync(cp, n, rollback.Version))!.Changes);
            Assert.Equal(rollback.Hash, (await _host.Snapshots.GetHeadAsync(cp))!.Value.Hash);
        }
    }
}
