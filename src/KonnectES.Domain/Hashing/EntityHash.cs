using System.Security.Cryptography;
using System.Text;

namespace KonnectES.Domain;

/// <summary>Per-entity hashes and whole-configuration hashes.</summary>
public static class EntityHash
{
    /// <summary>SHA-256 over <c>kind + "\n" + canonical JSON</c> of the entity (its id included).</summary>
    public static ConfigHash Of(ConfigEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var prefix = entity.EntityType + "\n";
        var json = DomainJson.CanonicalUtf8(entity);
        var data = new byte[Encoding.UTF8.GetByteCount(prefix) + json.Length];
        var written = Encoding.UTF8.GetBytes(prefix, data);
        json.CopyTo(data, written);
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(data, digest);
        return ConfigHash.FromBytes(digest);
    }

    /// <summary>Computes the configuration hash from scratch (the state also maintains it incrementally).</summary>
    public static ConfigHash Of(IEnumerable<ConfigEntity> entities)
    {
        var hash = ConfigHash.Empty;
        foreach (var entity in entities)
        {
            hash = hash.Add(Of(entity));
        }

        return hash;
    }
}
