using System.Security.Cryptography;
using System.Text;

namespace KonnectES.Domain;

/// <summary>
/// Name-based UUIDs (RFC 9562 version 5, SHA-1) so that re-importing a file without ids, or adding
/// the same membership twice, yields the same ids (Kong's declarative <c>generate_ids</c> idea).
/// </summary>
public static class DeterministicId
{
    private static readonly Guid Namespace = new("6f1c2a3e-5b7d-4e8f-9a0b-1c2d3e4f5a6b");

    /// <summary>The UUIDv5 of <paramref name="name"/> in the KonnectES namespace.</summary>
    public static Guid From(string name)
    {
        Span<byte> ns = stackalloc byte[16];
        Namespace.TryWriteBytes(ns, bigEndian: true, out _);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        ns.CopyTo(input);
        nameBytes.CopyTo(input, 16);
        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(input, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }

    /// <summary>The id of an entity of <paramref name="type"/> with this natural key, within one control plane.</summary>
    public static Guid For(Guid controlPlaneId, EntityType type, string naturalKey) => From($"{controlPlaneId}/{type}/{naturalKey}");

    /// <summary>The id of the membership of <paramref name="consumerId"/> in <paramref name="consumerGroupId"/>.</summary>
    public static Guid ForMembership(Guid consumerGroupId, Guid consumerId) => From($"consumer_group_consumers/{consumerGroupId}/{consumerId}");
}
