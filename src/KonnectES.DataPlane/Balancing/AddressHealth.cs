namespace KonnectES.DataPlane.Balancing;

/// <summary>
/// The mutable per-address state that outlives a compiled configuration: health and its counters, active
/// connections (least-connections) and the latency average (latency). Shared by every balancer compiled for the same
/// address, so a configuration swap keeps it.
/// </summary>
internal sealed class AddressHealth(HealthRegistry registry)
{
    private const int CounterMax = 255;

    private readonly Lock _lock = new();
    private readonly int[] _counters = new int[4];
    private volatile InternalHealth _health = InternalHealth.Healthy;
    private int _connections;
    private double _ewma;
    private long _ewmaTouchedAt;
    private bool _hasEwma;

    /// <summary>The internal state (which schedule active probes use).</summary>
    public InternalHealth State => _health;

    /// <summary>True when the address takes traffic (healthy or mostly healthy).</summary>
    public bool IsHealthy => _health is InternalHealth.Healthy or InternalHealth.MostlyHealthy;

    /// <summary>Requests currently holding a lease on this address.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>When the upstream stopped listing this address (for retention), or null while it is in use.</summary>
    public DateTimeOffset? RetiredAt { get; set; }

    public void Acquire() => Interlocked.Increment(ref _connections);

    public void Release() => Interlocked.Decrement(ref _connections);

    /// <summary>
    /// Counts one observation towards <paramref name="report"/> (true = healthy) with lua-resty-healthcheck's rules:
    /// a limit of 0 disables the counter; a success clears the failure counters and a failure clears the success
    /// counter; reaching the limit flips the state.
    /// </summary>
    public void Count(bool report, HealthCounter counter, int limit)
    {
        if (limit <= 0)
        {
            return;
        }

        var target = report ? InternalHealth.Healthy : InternalHealth.Unhealthy;
        if (_health == target)
        {
            return;
        }

        lock (_lock)
        {
            var value = _counters[(int)counter] = Math.Min(CounterMax, _counters[(int)counter] + 1);
            if (counter == HealthCounter.Success)
            {
                _counters[(int)HealthCounter.HttpFailure] = _counters[(int)HealthCounter.TcpFailure] = _counters[(int)HealthCounter.Timeout] = 0;
            }
            else
            {
                _counters[(int)HealthCounter.Success] = 0;
            }

            var current = _health;
            InternalHealth? next = null;
            if (value >= limit)
            {
                next = target;
            }
            else if (current == InternalHealth.Healthy && counter != HealthCounter.Success)
            {
                next = InternalHealth.MostlyHealthy;
            }
            else if (current == InternalHealth.Unhealthy && counter == HealthCounter.Success)
            {
                next = InternalHealth.MostlyUnhealthy;
            }

            if (next is { } state && state != current)
            {
                Move(state);
            }
        }
    }

    /// <summary>Forces the state and clears the counters (Kong's <c>PUT /upstreams/{u}/targets/{t}/healthy|unhealthy</c>).</summary>
    public void Set(bool healthy)
    {
        lock (_lock)
        {
            Array.Clear(_counters);
            Move(healthy ? InternalHealth.Healthy : InternalHealth.Unhealthy);
        }
    }

    /// <summary>The latency average decayed to <paramref name="now"/> (Peak-EWMA with a 10 s decay, kong/runloop/balancer/latency.lua).</summary>
    public double Ewma(long now, double sample = 0, bool update = false)
    {
        lock (_lock)
        {
            var elapsed = Math.Max(0, (now - _ewmaTouchedAt) / (double)TimeSpan.TicksPerSecond);
            var weight = Math.Exp(-elapsed / 10);
            var value = (_ewma * weight) + (sample * (1.0 - weight));
            if (update)
            {
                _ewma = value;
                _ewmaTouchedAt = now;
                _hasEwma = true;
            }

            return value;
        }
    }

    /// <summary>Whether a latency sample was ever recorded (or seeded).</summary>
    public bool HasEwma
    {
        get
        {
            lock (_lock)
            {
                return _hasEwma;
            }
        }
    }

    /// <summary>Starts a new address at the average of the others ("slow start").</summary>
    public void SeedEwma(double value, long now)
    {
        lock (_lock)
        {
            if (!_hasEwma)
            {
                _ewma = value;
                _ewmaTouchedAt = now;
                _hasEwma = true;
            }
        }
    }

    private void Move(InternalHealth state)
    {
        var wasHealthy = IsHealthy;
        _health = state;
        if (wasHealthy != IsHealthy)
        {
            registry.Changed();
        }
    }
}
