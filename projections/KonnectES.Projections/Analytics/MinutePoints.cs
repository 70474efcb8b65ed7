using System.Buffers.Binary;

namespace KonnectES.Projections.Analytics;

/// <summary>
/// The minutes of one hour packed in one value: per minute with traffic, in order, the minute of the hour (a byte), a
/// byte telling which of the five percentiles are present, the five counts as varints (requests, 4xx, 5xx, bytes in,
/// bytes out) and the present percentiles as little-endian doubles (p50, p95, p99 of the total latency, p99 of the
/// upstream and of the proxy latency).
/// </summary>
internal static class MinutePoints
{
    /// <summary>One minute's point in packed form, without its minute.</summary>
    public static byte[] Encode(long requests, long errors4xx, long errors5xx, long bytesIn, long bytesOut, ReadOnlySpan<double?> quantiles)
    {
        Span<byte> buffer = stackalloc byte[1 + (5 * 10) + (5 * 8)];
        byte flags = 0;
        var length = 1;
        foreach (var count in new[] { requests, errors4xx, errors5xx, bytesIn, bytesOut })
        {
            var value = (ulong)Math.Max(count, 0);
            while (value >= 0x80)
            {
                buffer[length++] = (byte)(value | 0x80);
                value >>= 7;
            }

            buffer[length++] = (byte)value;
        }

        for (var i = 0; i < 5; i++)
        {
            if (quantiles[i] is { } q)
            {
                flags |= (byte)(1 << i);
                BinaryPrimitives.WriteDoubleLittleEndian(buffer[length..], q);
                length += 8;
            }
        }

        buffer[0] = flags;
        return buffer[..length].ToArray();
    }

    /// <summary>The minutes of <paramref name="packed"/> (null: none) with <paramref name="points"/> replacing theirs, packed again.</summary>
    public static byte[] Replace(byte[]? packed, SortedDictionary<int, byte[]> points)
    {
        if (packed is not null)
        {
            var position = 0;
            while (position < packed.Length)
            {
                var start = position;
                var minute = packed[position++];
                SkipPoint(packed, ref position);
                points.TryAdd(minute, packed[(start + 1)..position]);
            }
        }

        var result = new byte[points.Sum(p => 1 + p.Value.Length)];
        var length = 0;
        foreach (var (minute, point) in points)
        {
            result[length++] = (byte)minute;
            point.CopyTo(result, length);
            length += point.Length;
        }

        return result;
    }

    /// <summary>Reads the next minute of <paramref name="packed"/> at <paramref name="position"/>.</summary>
    public static int ReadMinute(ReadOnlySpan<byte> packed, ref int position, Span<long> counts, Span<double?> quantiles)
    {
        var minute = packed[position++];
        var flags = packed[position++];
        for (var i = 0; i < 5; i++)
        {
            counts[i] = (long)ReadVarint(packed, ref position);
        }

        for (var i = 0; i < 5; i++)
        {
            if ((flags & (1 << i)) != 0)
            {
                quantiles[i] = BinaryPrimitives.ReadDoubleLittleEndian(packed[position..]);
                position += 8;
            }
            else
            {
                quantiles[i] = null;
            }
        }

        return minute;
    }

    private static void SkipPoint(ReadOnlySpan<byte> packed, ref int position)
    {
        var flags = packed[position++];
        for (var i = 0; i < 5; i++)
        {
            ReadVarint(packed, ref position);
        }

        position += 8 * System.Numerics.BitOperations.PopCount(flags);
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> bytes, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = bytes[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }
}
