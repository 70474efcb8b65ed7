namespace KonnectES.Domain.Tests.Properties;

/// <summary>
/// Property: for random histories of 200 commands, the state at any version equals an independent
/// fold of the events, rolling back to a version restores its hash exactly, and the diff between
/// that version and the rolled-back state is empty.
/// </summary>
public sealed class ReplayingRandomHistories
{
    private const int Commands = 200;

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    [InlineData(2026)]
    [InlineData(31337)]
    public void Every_version_equals_the_simple_fold_and_rolling_back_to_it_restores_it_exactly(int seed)
    {
        var random = new Random(seed);
        var (events, states) = RandomHistory(random);
        Assert.True(events.Count > Commands / 2, $"only {events.Count} events were produced");

        for (var probe = 0; probe < 12; probe++)
        {
            var n = random.Next(1, states.Count);
            var reducer = new SimpleReducer();
            foreach (var @event in events.Take(n))
            {
                reducer.Apply(@event);
            }

            Assert.Equal(reducer.Entities.OrderBy(p => p.Key), SimpleReducer.Snapshot(states[n]).OrderBy(p => p.Key));
            Assert.Equal(EntityHash.Of(states[n].Entities), states[n].Hash);

            var current = states[^1];
            var rollback = Given.Events(current, new RollBackConfig(n, states[n]));
            var restored = ControlPlaneConfig.Fold(current, rollback);

            Assert.Equal(states[n].Hash, restored.Hash);
            Assert.Empty(ConfigDiff.Between(states[n], restored));
            Assert.Equal(current.Version + rollback.Count, restored.Version);
        }
    }

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    public void The_export_of_any_reachable_state_re_imports_as_an_empty_diff(int seed)
    {
        var (_, states) = RandomHistory(new Random(seed));

        foreach (var state in new[] { states[states.Count / 2], states[^1] })
        {
            foreach (var secrets in new[] { true, false })
            {
                var plan = DeclarativeConfig.Plan(state, DeclarativeConfig.Export(state, ConfigFormat.Yaml, secrets), ConfigFormat.Yaml, ImportMode.Replace);

                Assert.True(plan.IsSuccess, string.Join("; ", plan.Errors));
                Assert.Empty(plan.Value);
            }
        }
    }

    [Fact]
    public void A_rollback_can_itself_be_rolled_back()
    {
        var (_, states) = RandomHistory(new Random(99));
        var current = states[^1];
        var rolledBack = ControlPlaneConfig.Fold(current, Given.Events(current, new RollBackConfig(3, states[3])));

        var undone = ControlPlaneConfig.Fold(rolledBack, Given.Events(rolledBack, new RollBackConfig(current.Version, current)));

        Assert.Equal(current.Hash, undone.Hash);
        Assert.Empty(ConfigDiff.Between(current, undone));
    }

    [Fact]
    public void Rolling_back_to_a_version_that_does_not_exist_is_rejected()
    {
        var state = Given.ControlPlaneWithOneService();

        Assert.Equal("toVersion", Assert.Single(Given.Errors(state, new RollBackConfig(state.Version + 1, state))).Path);
    }

    private static (List<IConfigEvent> Events, List<ControlPlaneConfig> States) RandomHistory(Random random)
    {
        var state = ControlPlaneConfig.Empty(Given.ControlPlaneId);
        var events = new List<IConfigEvent>();
        var states = new List<ControlPlaneConfig> { state };
        void Append(IEnumerable<IConfigEvent> batch)
        {
            foreach (var @event in batch)
            {
                state = ControlPlaneConfig.Evolve(state, @event);
                events.Add(@event);
                states.Add(state);
            }
        }

        Append(ControlPlaneConfig.Decide(state, new CreateControlPlane(new ControlPlane { Name = "random" })).Value);
        var generator = new RandomCommands(random);
        for (var i = 0; i < Commands; i++)
        {
            var result = ControlPlaneConfig.Decide(state, generator.Next(state, states));
            if (result.IsSuccess)
            {
                Append(result.Value);
            }
        }

        return (events, states);
    }
}
