using System.Security.Cryptography;
using System.Text;

namespace KonnectES.Projections.DataPlaneNodes;

/// <summary>
/// The stream id of a node's reports. Derived from the control plane and the node id rather than being the node id,
/// which the data plane chooses: a node id can then never name another control plane's stream or another control
/// plane's node.
/// </summary>
public static class DataPlaneNodeStream
{
    /// <summary>The stream of <paramref name="nodeId"/> reporting to <paramref name="controlPlaneId"/>.</summary>
    public static Guid Id(Guid controlPlaneId, Guid nodeId)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.ASCII.GetBytes($"konnectes/data-plane-node/{controlPlaneId:D}/{nodeId:D}"), digest);
        var bytes = digest[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8: name-based, vendor-defined
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(bytes, bigEndian: true);
    }
}
