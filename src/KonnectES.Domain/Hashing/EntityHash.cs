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
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(entity.EntityType + "\n"));
        sha.AppendData(DomainJson.CanonicalUtf8(entity));
        Span<byte> digest = stackalloc byte[32];
        sha.GetHashAndReset(digest);
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
