using System.Diagnostics;

namespace KonnectES.Benchmarks;

/// <summary>Runs N workers for a warm-up and then a fixed measured duration; counts events per second.</summary>
internal static class Harness
{
    public static async Task<double> RateAsync(int workers, TimeSpan warmUp, TimeSpan duration, Func<int, Func<Task<int>>> createWorker)
    {
        var counts = new long[workers * 16];
        using var stop = new CancellationTokenSource();
        var tasks = Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var operation = createWorker(w);
            while (!stop.IsCancellationRequested)
            {
                var done = await operation();
                Interlocked.Add(ref counts[w * 16], done);
            }
        })).ToArray();

        await Task.Delay(warmUp);
        var before = Sum(counts);
        var started = Stopwatch.GetTimestamp();
        await Task.Delay(duration);
        var after = Sum(counts);
        var elapsed = Stopwatch.GetElapsedTime(started);
        await stop.CancelAsync();
        await Task.WhenAll(tasks);
        return (after - before) / elapsed.TotalSeconds;
    }

    private static long Sum(long[] counts)
    {
        long total = 0;
        for (var i = 0; i < counts.Length; i += 16)
        {
            total += Volatile.Read(ref counts[i]);
        }

        return total;
    }
}
