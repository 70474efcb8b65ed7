using KonnectES.ControlPlane.Cluster;

namespace KonnectES.ControlPlane.Tests.Cluster;

public sealed class NotifyingSnapshotsInProcess
{
    private static SnapshotReady Ready(Guid cp, long version) => new(cp, version, $"config-{version}", $"snapshot-{version}");

    [Fact]
    public void Versions_only_grow_an_older_or_repeated_notification_changes_nothing()
    {
        var hub = new SnapshotNotifications();
        var cp = Guid.NewGuid();

        hub.Publish(Ready(cp, 5));
        hub.Publish(Ready(cp, 3));
        hub.Publish(Ready(cp, 5) with { SnapshotHash = "other" });

        Assert.Equal(Ready(cp, 5), hub.Latest(cp));
        Assert.Null(hub.Latest(Guid.NewGuid()));
    }

    [Fact]
    public async Task A_waiter_completes_at_once_when_a_newer_head_is_known_and_otherwise_on_the_next_one()
    {
        var hub = new SnapshotNotifications();
        var cp = Guid.NewGuid();
        hub.Publish(Ready(cp, 2));

        var known = await hub.WaitForNewerAsync(cp, 1, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        var waiting = hub.WaitForNewerAsync(cp, 2, CancellationToken.None);
        var unchanged = waiting.IsCompleted;
        hub.Publish(Ready(cp, 2));
        var stillUnchanged = waiting.IsCompleted;
        hub.Publish(Ready(cp, 3));
        var next = await waiting.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(2, known.Version);
        Assert.False(unchanged);
        Assert.False(stillUnchanged);
        Assert.Equal(3, next.Version);
    }

    [Fact]
    public async Task A_change_of_another_control_plane_does_not_wake_a_waiter()
    {
        var hub = new SnapshotNotifications();
        var (x, y) = (Guid.NewGuid(), Guid.NewGuid());
        var waiting = hub.WaitForNewerAsync(x, 0, CancellationToken.None);

        hub.Publish(Ready(y, 9));
        await Task.Yield();
        var woken = waiting.IsCompleted;
        hub.Publish(Ready(x, 1));

        Assert.False(woken);
        Assert.Equal(x, (await waiting.WaitAsync(TimeSpan.FromSeconds(5))).ControlPlaneId);
    }

    [Fact]
    public async Task A_cancelled_waiter_ends_with_its_cancellation()
    {
        var hub = new SnapshotNotifications();
        using var cancellation = new CancellationTokenSource();
        var waiting = hub.WaitForNewerAsync(Guid.NewGuid(), 0, cancellation.Token);

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Fact]
    public async Task A_node_wake_up_raised_between_looking_and_waiting_is_not_missed()
    {
        var hub = new DataPlaneNodeNotifications();
        var cp = Guid.NewGuid();
        var seen = hub.Generation(cp);

        hub.Publish(cp);
        await hub.WaitAsync(cp, seen, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(seen + 1, hub.Generation(cp));
        Assert.False(hub.WaitAsync(cp, hub.Generation(cp), CancellationToken.None).IsCompleted);
    }
}
