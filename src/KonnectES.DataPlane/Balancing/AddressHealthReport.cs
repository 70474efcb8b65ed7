namespace KonnectES.DataPlane.Balancing;

/// <summary>One resolved address of a target and its health.</summary>
internal sealed record AddressHealthReport(string Ip, int Port, int Weight, TargetHealthStatus Health);
