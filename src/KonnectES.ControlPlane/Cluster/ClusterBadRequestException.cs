namespace KonnectES.ControlPlane.Cluster;

/// <summary>A malformed query parameter or body on the cluster port: answered with 400 and the message.</summary>
internal sealed class ClusterBadRequestException(string message) : Exception(message);
