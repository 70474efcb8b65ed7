using KonnectES.DataPlane.Sync;

namespace KonnectES.DataPlane.Tests.Sync;

public sealed class BackingOff
{
    [Fact]
    public void The_bound_starts_at_one_second_and_doubles_up_to_thirty()
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

        var ceilings = Enumerable.Range(0, 8).Select(backoff.Ceiling).Select(c => c.TotalSeconds).ToList();

        Assert.Equal([1, 2, 4, 8, 16, 30, 30, 30], ceilings);
        Assert.Equal(TimeSpan.FromSeconds(30), backoff.Ceiling(1000));
    }

    [Fact]
    public void Every_wait_is_drawn_between_zero_and_the_bound_of_its_attempt()
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), new Random(42));
        var waits = new List<(int Attempt, TimeSpan Wait)>();
        for (var i = 0; i < 2000; i++)
        {
            if (i % 10 == 0)
            {
                backoff.Reset();
            }

            waits.Add((backoff.Attempt, backoff.Next()));
        }

        Assert.All(waits, w => Assert.InRange(w.Wait, TimeSpan.Zero, backoff.Ceiling(w.Attempt)));

        // Full jitter: the waits of one attempt spread over the whole range, not around its bound.
        var fifth = waits.Where(w => w.Attempt == 5).Select(w => w.Wait.TotalSeconds).ToList();
        Assert.True(fifth.Min() < 5 && fifth.Max() > 25, $"min {fifth.Min()}, max {fifth.Max()}");
    }

    [Fact]
    public void A_reset_starts_over_from_the_initial_bound()
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        for (var i = 0; i < 6; i++)
        {
            _ = backoff.Next();
        }

        backoff.Reset();

        Assert.Equal(0, backoff.Attempt);
        Assert.InRange(backoff.Next(), TimeSpan.Zero, TimeSpan.FromSeconds(1));
    }
}
