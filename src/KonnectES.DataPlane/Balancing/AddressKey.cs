namespace KonnectES.DataPlane.Balancing;

/// <summary>
/// Identifies an address across recompiles, like Kong's health-check store does: the upstream, the target's host and
/// port, and the resolved IP and port.
/// </summary>
internal readonly record struct AddressKey(Guid UpstreamId, string TargetHost, int TargetPort, string Ip, int Port);
