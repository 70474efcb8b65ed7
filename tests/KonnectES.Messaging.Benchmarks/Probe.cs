using System.Collections.Concurrent;
using System.Diagnostics;

namespace KonnectES.Messaging.Benchmarks;

/// <summary>Records when each message reached a handler, on whichever node.</summary>
internal sealed class Probe
{
    private long _count;

    public ConcurrentDictionary<Guid, long> DispatchedAt { get; } = new();

    public bool RecordTimes { get; set; }

    public long Count => Interlocked.Read(ref _count);

    public void Dispatched(Guid messageId)
    {
        Interlocked.Increment(ref _count);
        if (RecordTimes)
        {
            DispatchedAt.TryAdd(messageId, Stopwatch.GetTimestamp());
        }
    }
}
