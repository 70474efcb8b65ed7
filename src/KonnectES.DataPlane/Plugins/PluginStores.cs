using System.Collections.Concurrent;

namespace KonnectES.DataPlane.Plugins;

/// <summary>
/// State the plugins keep across requests and across snapshot swaps (like Kong's shared dictionaries):
/// rate-limiting counters, the proxy-cache memory store and the correlation-id counter. One per data-plane process.
/// </summary>
internal sealed class PluginStores(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Counter> _counters = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CachedResponse> _cache = new(StringComparer.Ordinal);
    private long _sequence;
    private readonly Lock _cacheLock = new();
    private long _cachedBytes;
    private long _lastSweep;

    public PluginStores()
        : this(TimeProvider.System)
    {
    }

    public TimeProvider Time => time;

    /// <summary>Identifies this process in <c>uuid#counter</c> correlation ids, like Kong's per-worker uuid.</summary>
    public string WorkerId { get; } = Guid.NewGuid().ToString();

    public long NextSequence() => Interlocked.Increment(ref _sequence);

    /// <summary>The count of <paramref name="key"/> in its current window (0 once the window ended).</summary>
    public long CountOf(string key) => _counters.TryGetValue(key, out var c) && c.Expires > time.GetUtcNow() ? Volatile.Read(ref c.Value) : 0;

    public void Increment(string key, DateTimeOffset expires)
    {
        Sweep();
        var counter = _counters.GetOrAdd(key, _ => new Counter(expires));
        if (counter.Expires <= time.GetUtcNow())
        {
            _counters.TryRemove(key, out _);
            counter = _counters.GetOrAdd(key, _ => new Counter(expires));
        }

        Interlocked.Increment(ref counter.Value);
    }

    public CachedResponse? Fetch(string key)
    {
        if (_cache.TryGetValue(key, out var entry))
        {
            if (entry.Expires > time.GetUtcNow())
            {
                return entry;
            }

            Purge(key);
        }

        return null;
    }

    /// <summary>The most response-body bytes proxy-cache keeps in memory; the oldest entries make room (like Kong's bounded shared dictionary).</summary>
    public long CacheCapacityBytes { get; init; } = 128L << 20;

    public void Store(string key, CachedResponse response)
    {
        Sweep();
        if (response.Body.Length > CacheCapacityBytes)
        {
            return;
        }

        lock (_cacheLock)
        {
            RemoveLocked(key);
            if (_cachedBytes + response.Body.Length > CacheCapacityBytes)
            {
                foreach (var (oldKey, _) in _cache.OrderBy(e => e.Value.StoredAt).ToList())
                {
                    RemoveLocked(oldKey);
                    if (_cachedBytes + response.Body.Length <= CacheCapacityBytes)
                    {
                        break;
                    }
                }
            }

            _cache[key] = response;
            _cachedBytes += response.Body.Length;
        }
    }

    public void Purge(string key)
    {
        lock (_cacheLock)
        {
            RemoveLocked(key);
        }
    }

    private void RemoveLocked(string key)
    {
        if (_cache.TryRemove(key, out var removed))
        {
            _cachedBytes -= removed.Body.Length;
        }
    }

    private void Sweep()
    {
        var now = time.GetUtcNow();
        var last = Interlocked.Read(ref _lastSweep);
        if (now.ToUnixTimeSeconds() - last < 60 || Interlocked.CompareExchange(ref _lastSweep, now.ToUnixTimeSeconds(), last) != last)
        {
            return;
        }

        foreach (var (key, counter) in _counters)
        {
            if (counter.Expires <= now)
            {
                _counters.TryRemove(key, out _);
            }
        }

        foreach (var (key, entry) in _cache)
        {
            if (entry.Expires <= now)
            {
                Purge(key);
            }
        }
    }

    private sealed class Counter(DateTimeOffset expires)
    {
        public long Value;

        public DateTimeOffset Expires { get; } = expires;
    }
}
