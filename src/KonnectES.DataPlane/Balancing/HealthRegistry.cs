using System.Collections.Concurrent;

namespace KonnectES.DataPlane.Balancing;

/// <summary>
/// Every address's <see cref="AddressHealth"/>, carried from one compiled configuration to the next. States of
/// addresses no longer configured are kept for <see cref="BalancingOptions.HealthRetention"/> so that a target
/// removed and re-added soon resumes its health, as Kong's delayed clear of its health-check store does.
/// </summary>
internal sealed class HealthRegistry
{
    private readonly ConcurrentDictionary<AddressKey, AddressHealth> _states = new();
    private long _version;

    /// <summary>Bumped whenever an address starts or stops taking traffic, so balancers know to recompute their own health.</summary>
    public long Version => Volatile.Read(ref _version);

    /// <summary>The registry a recompiled set uses: the previous one itself, so every state carries over.</summary>
    public static HealthRegistry CarryOver(HealthRegistry? previous) => previous ?? new HealthRegistry();

    public void Changed() => Interlocked.Increment(ref _version);

    /// <summary>The state of <paramref name="key"/>, created healthy when unknown; an address in use is no longer retired.</summary>
    public AddressHealth For(AddressKey key)
    {
        var state = _states.GetOrAdd(key, _ => new AddressHealth(this));
        state.RetiredAt = null;
        return state;
    }

    /// <summary>Marks states not in <paramref name="inUse"/> as retired at <paramref name="now"/> and drops those retired longer than <paramref name="retention"/>.</summary>
    public void Sweep(IReadOnlySet<AddressKey> inUse, DateTimeOffset now, TimeSpan retention)
    {
        foreach (var (key, state) in _states)
        {
            if (inUse.Contains(key))
            {
                continue;
            }

            state.RetiredAt ??= now;
            if (now - state.RetiredAt >= retention)
            {
                _states.TryRemove(key, out _);
            }
        }
    }
}
