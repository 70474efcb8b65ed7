using KonnectES.Domain;

namespace KonnectES.DataPlane.Sync;

/// <summary>A pulled snapshot or delta body, or "not modified" with the version the node reported.</summary>
/// <param name="Body">The JSON body; null on 304.</param>
/// <param name="Version">The version of <c>X-Konnectes-Config-Version</c>, when sent.</param>
/// <param name="ConfigHash">The hash of <c>X-Konnectes-Config-Hash</c>, when sent.</param>
/// <param name="SnapshotHash">The hash of the <c>ETag</c>, when sent.</param>
internal sealed record PullResult(byte[]? Body, long? Version, ConfigHash? ConfigHash, ConfigHash? SnapshotHash)
{
    /// <summary>The node answered 304: what the data plane holds is current.</summary>
    public bool NotModified => Body is null;
}
