using System.Buffers.Binary;
using System.Globalization;

namespace KonnectES.Domain;

/// <summary>
/// A 256-bit configuration hash: the sum (mod 2^256) of the <see cref="EntityHash"/>es of every
/// entity. Addition is commutative and invertible, so a projection maintains it in O(changed
/// entities): <c>hash.Add(new).Subtract(old)</c>. Equal configurations ⇔ equal hashes (up to SHA-256 collisions).
/// </summary>
public readonly record struct ConfigHash(ulong P0, ulong P1, ulong P2, ulong P3)
{
    /// <summary>The hash of the empty configuration.</summary>
    public static ConfigHash Empty => default;

    /// <summary>Adds an entity hash.</summary>
    public ConfigHash Add(ConfigHash other)
    {
        var (r3, c3) = AddWithCarry(P3, other.P3, 0);
        var (r2, c2) = AddWithCarry(P2, other.P2, c3);
        var (r1, c1) = AddWithCarry(P1, other.P1, c2);
        var (r0, _) = AddWithCarry(P0, other.P0, c1);
        return new(r0, r1, r2, r3);
    }

    /// <summary>Removes an entity hash previously added.</summary>
    public ConfigHash Subtract(ConfigHash other) => Add(other.Negate());

    /// <summary>64 lower-case hex digits, most significant first.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{P0:x16}{P1:x16}{P2:x16}{P3:x16}");

    /// <summary>Parses the 64-hex-digit form of <see cref="ToString"/>.</summary>
    public static ConfigHash Parse(string hex) => new(
        ulong.Parse(hex.AsSpan(0, 16), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
        ulong.Parse(hex.AsSpan(16, 16), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
        ulong.Parse(hex.AsSpan(32, 16), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
        ulong.Parse(hex.AsSpan(48, 16), NumberStyles.HexNumber, CultureInfo.InvariantCulture));

    /// <summary>Reads a big-endian 32-byte value (a SHA-256 digest).</summary>
    public static ConfigHash FromBytes(ReadOnlySpan<byte> digest) => new(
        BinaryPrimitives.ReadUInt64BigEndian(digest[..8]),
        BinaryPrimitives.ReadUInt64BigEndian(digest[8..16]),
        BinaryPrimitives.ReadUInt64BigEndian(digest[16..24]),
        BinaryPrimitives.ReadUInt64BigEndian(digest[24..32]));

    private ConfigHash Negate() => new ConfigHash(~P0, ~P1, ~P2, ~P3).Add(new(0, 0, 0, 1));

    private static (ulong Sum, ulong Carry) AddWithCarry(ulong a, ulong b, ulong carry)
    {
        var sum = a + b;
        var c = sum < a ? 1UL : 0UL;
        var sum2 = sum + carry;
        c += sum2 < sum ? 1UL : 0UL;
        return (sum2, c);
    }
}
