namespace KonnectES.DataPlane.Balancing;

/// <summary>
/// One resolved address of a target: an IP target has one, a hostname target one per resolved IP, each inheriting the
/// target's weight. Immutable; its <see cref="Health"/> is the shared runtime state.
/// </summary>
internal sealed class BalancerAddress(AddressKey key, TargetDefinition target, int weight, AddressHealth health)
{
    public AddressKey Key { get; } = key;

    public TargetDefinition Target { get; } = target;

    /// <summary>The IP (IPv6 in brackets).</summary>
    public string Ip => Key.Ip;

    public int Port => Key.Port;

    /// <summary>The target's weight; 0 means no traffic.</summary>
    public int Weight { get; } = weight;

    public AddressHealth Health { get; } = health;

    /// <inheritdoc />
    public override string ToString() => $"{Ip}:{Port} ({Target.Target})";
}
