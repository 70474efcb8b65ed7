using System.Buffers.Binary;
using System.Numerics;

namespace KonnectES.DataPlane.Balancing;

/// <summary>
/// xxHash32 with seed 0, the hash Kong's consistent-hashing continuum uses (luaxxhash), so a ring built here places
/// addresses and keys on the same points as Kong's.
/// </summary>
internal static class XxHash32
{
    private const uint Prime1 = 2654435761U;
    private const uint Prime2 = 2246822519U;
    private const uint Prime3 = 3266489917U;
    private const uint Prime4 = 668265263U;
    private const uint Prime5 = 374761393U;

    public static uint Hash(ReadOnlySpan<byte> data)
    {
        var length = data.Length;
        uint h;
        var i = 0;
        if (length >= 16)
        {
            uint v1 = unchecked(Prime1 + Prime2), v2 = Prime2, v3 = 0, v4 = unchecked(0U - Prime1);
            for (; i <= length - 16; i += 16)
            {
                v1 = Round(v1, BinaryPrimitives.ReadUInt32LittleEndian(data[i..]));
                v2 = Round(v2, BinaryPrimitives.ReadUInt32LittleEndian(data[(i + 4)..]));
                v3 = Round(v3, BinaryPrimitives.ReadUInt32LittleEndian(data[(i + 8)..]));
                v4 = Round(v4, BinaryPrimitives.ReadUInt32LittleEndian(data[(i + 12)..]));
            }

            h = BitOperations.RotateLeft(v1, 1) + BitOperations.RotateLeft(v2, 7) + BitOperations.RotateLeft(v3, 12) + BitOperations.RotateLeft(v4, 18);
        }
        else
        {
            h = Prime5;
        }

        h += (uint)length;
        for (; i <= length - 4; i += 4)
        {
            h = BitOperations.RotateLeft(h + (BinaryPrimitives.ReadUInt32LittleEndian(data[i..]) * Prime3), 17) * Prime4;
        }

        for (; i < length; i++)
        {
            h = BitOperations.RotateLeft(h + (data[i] * Prime5), 11) * Prime1;
        }

        h ^= h >> 15;
        h *= Prime2;
        h ^= h >> 13;
        h *= Prime3;
        h ^= h >> 16;
        return h;
    }

    private static uint Round(uint acc, uint input) => BitOperations.RotateLeft(acc + (input * Prime2), 13) * Prime1;
}
