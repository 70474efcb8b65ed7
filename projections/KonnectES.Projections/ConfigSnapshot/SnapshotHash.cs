using System.Globalization;
using System.Numerics;
using KonnectES.Domain;

namespace KonnectES.Projections.ConfigSnapshot;

/// <summary>
/// The domain's <see cref="ConfigHash"/> as a PostgreSQL <c>numeric</c>: the sum mod 2^256 is then maintained by SQL
/// (<c>hash + new − old</c>) without reading the old per-entity hashes back into the process.
/// </summary>
internal static class SnapshotHash
{
    /// <summary>2^256 as a SQL literal.</summary>
    public const string Modulus = "115792089237316195423570985008687907853269984665640564039457584007913129639936";

    public static BigInteger ToNumber(ConfigHash hash) => BigInteger.Parse("0" + hash.ToString(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    public static ConfigHash FromNumber(BigInteger value)
    {
        var hex = value.ToString("x64", CultureInfo.InvariantCulture);
        return ConfigHash.Parse(hex[^64..]);
    }
}
