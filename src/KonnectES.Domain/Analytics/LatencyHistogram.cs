using System.Buffers.Binary;

namespace KonnectES.Domain.Analytics;

/// <summary>
/// A mergeable latency histogram with a guaranteed relative error, in the manner of DDSketch: bucket <c>i</c> holds the
/// values in <c>(γ^(i-1), γ^i]</c> milliseconds with <c>γ = (1 + α) / (1 − α)</c>, and a quantile is answered with the
/// bucket's representative <c>2γ^i / (γ + 1)</c>. For any quantile q the answer is within
/// <see cref="RelativeAccuracy"/> (1 %) of the exact value of rank ⌊q·(n − 1)⌋ among the recorded values; values at or
/// below <see cref="MinimumMs"/> (1 µs) count in a zero bucket answered as 0.
/// Merging two histograms adds their counts bucket by bucket, so minute histograms merge into hours and days, and
/// data planes' histograms merge into a control plane's, without losing that guarantee.
/// The counts are kept in one array over the range of indexes in use (a few hundred for latencies from 1 µs to an
/// hour), so recording and merging never allocate once the range is covered.
/// </summary>
public sealed class LatencyHistogram
{
    /// <summary>α: the largest relative error of a quantile.</summary>
    public const double RelativeAccuracy = 0.01;

    /// <summary>Values at or below this many milliseconds are counted as zero.</summary>
    public const double MinimumMs = 0.001;

    private const byte EncodingVersion = 1;

    private static readonly double Gamma = (1 + RelativeAccuracy) / (1 - RelativeAccuracy);
    private static readonly double LogGamma = Math.Log(Gamma);

    /// <summary>The lowest bucket index a recorded value can have (just above <see cref="MinimumMs"/>).</summary>
    private static readonly int LowestIndex = IndexOf(MinimumMs);

    /// <summary>The highest bucket index a recorded value can have (<see cref="double.MaxValue"/>).</summary>
    private static readonly int HighestIndex = IndexOf(double.MaxValue);

    private long[] _counts = [];
    private int _offset;
    private int _low = int.MaxValue;
    private int _high = int.MinValue;

    /// <summary>The number of recorded values.</summary>
    public long Count { get; private set; }

    /// <summary>The number of values counted as zero.</summary>
    public long ZeroCount { get; private set; }

    /// <summary>The sum of the recorded values, in milliseconds (for means).</summary>
    public double SumMs { get; private set; }

    /// <summary>The largest recorded value, in milliseconds.</summary>
    public double MaxMs { get; private set; }

    /// <summary>The non-empty buckets as (index, count), by increasing index.</summary>
    public IEnumerable<KeyValuePair<int, long>> Buckets
    {
        get
        {
            for (var index = _low; index <= _high; index++)
            {
                var count = _counts[index - _offset];
                if (count != 0)
                {
                    yield return new KeyValuePair<int, long>(index, count);
                }
            }
        }
    }

    /// <summary>Records one value in milliseconds (negative values count as zero).</summary>
    public void Record(double milliseconds) => Record(milliseconds, 1);

    /// <summary>Records <paramref name="count"/> occurrences of a value in milliseconds.</summary>
    public void Record(double milliseconds, long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0)
        {
            return;
        }

        if (double.IsNaN(milliseconds) || milliseconds <= MinimumMs)
        {
            ZeroCount += count;
        }
        else
        {
            Add(Math.Clamp(IndexOf(milliseconds), LowestIndex, HighestIndex), count);
            SumMs += milliseconds * count;
            MaxMs = Math.Max(MaxMs, milliseconds);
        }

        Count += count;
    }

    /// <summary>Adds every count of <paramref name="other"/> to this histogram.</summary>
    public void Merge(LatencyHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other._low <= other._high)
        {
            Cover(other._low, other._high);
            var source = other._counts.AsSpan(other._low - other._offset, other._high - other._low + 1);
            var target = _counts.AsSpan(other._low - _offset, source.Length);
            for (var i = 0; i < source.Length; i++)
            {
                target[i] += source[i];
            }
        }

        ZeroCount += other.ZeroCount;
        Count += other.Count;
        SumMs += other.SumMs;
        MaxMs = Math.Max(MaxMs, other.MaxMs);
    }

    /// <summary>Adds every count of a histogram's wire form to this histogram; refuses inconsistent data unchanged.</summary>
    public void Merge(LatencyHistogramData data)
    {
        Validate(data);
        for (var i = 0; i < data.Indexes.Count; i++)
        {
            if (data.Counts[i] != 0)
            {
                Add(data.Indexes[i], data.Counts[i]);
                Count += data.Counts[i];
            }
        }

        ZeroCount += data.ZeroCount;
        Count += data.ZeroCount;
        SumMs += data.SumMs;
        MaxMs = Math.Max(MaxMs, data.MaxMs);
    }

    /// <summary>
    /// The value at quantile <paramref name="q"/> (0 ≤ q ≤ 1), within <see cref="RelativeAccuracy"/> of the exact
    /// value of rank ⌊q·(n − 1)⌋; null when the histogram is empty.
    /// </summary>
    public double? Quantile(double q)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(q, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(q, 1);
        if (Count == 0)
        {
            return null;
        }

        var rank = (long)Math.Floor(q * (Count - 1));
        if (rank < ZeroCount)
        {
            return 0;
        }

        var seen = ZeroCount;
        for (var index = _low; index <= _high; index++)
        {
            seen += _counts[index - _offset];
            if (seen > rank)
            {
                return Math.Min(Representative(index), MaxMs);
            }
        }

        return MaxMs;
    }

    /// <summary>The compact wire form: zero count, sum, max and the non-empty buckets as parallel arrays.</summary>
    public LatencyHistogramData ToData()
    {
        var indexes = new List<int>();
        var counts = new List<long>();
        foreach (var (index, count) in Buckets)
        {
            indexes.Add(index);
            counts.Add(count);
        }

        return new(ZeroCount, SumMs, MaxMs, indexes, counts);
    }

    /// <summary>Rebuilds a histogram from its wire form; refuses inconsistent data.</summary>
    public static LatencyHistogram FromData(LatencyHistogramData data)
    {
        var histogram = new LatencyHistogram();
        histogram.Merge(data);
        return histogram;
    }

    /// <summary>
    /// The compact binary storage form: a version byte, the zero count (varint), the sum and the maximum (two
    /// little-endian doubles), the number of non-empty buckets (varint), then per bucket the index as a zigzag varint
    /// (the first one absolute, the others as the gap to the previous one) and the count as a varint. A histogram of
    /// 50 buckets takes about 120 bytes.
    /// </summary>
    public byte[] ToBytes()
    {
        var buckets = 0;
        for (var index = _low; index <= _high; index++)
        {
            buckets += _counts[index - _offset] != 0 ? 1 : 0;
        }

        var buffer = new byte[1 + 10 + 16 + 10 + (buckets * 15)];
        buffer[0] = EncodingVersion;
        var length = 1 + WriteVarint(buffer.AsSpan(1), (ulong)ZeroCount);
        BinaryPrimitives.WriteDoubleLittleEndian(buffer.AsSpan(length), SumMs);
        BinaryPrimitives.WriteDoubleLittleEndian(buffer.AsSpan(length + 8), MaxMs);
        length += 16;
        length += WriteVarint(buffer.AsSpan(length), (ulong)buckets);
        var previous = 0;
        for (var index = _low; index <= _high; index++)
        {
            var count = _counts[index - _offset];
            if (count == 0)
            {
                continue;
            }

            var gap = index - previous;
            length += WriteVarint(buffer.AsSpan(length), (ulong)((gap << 1) ^ (gap >> 31)) & uint.MaxValue);
            length += WriteVarint(buffer.AsSpan(length), (ulong)count);
            previous = index;
        }

        return buffer.AsSpan(0, length).ToArray();
    }

    /// <summary>Rebuilds a histogram from <see cref="ToBytes"/>; throws <see cref="FormatException"/> on malformed bytes.</summary>
    public static LatencyHistogram FromBytes(ReadOnlySpan<byte> bytes)
    {
        var histogram = new LatencyHistogram();
        histogram.MergeBytes(bytes);
        return histogram;
    }

    /// <summary>
    /// Adds the counts of a histogram in its <see cref="ToBytes"/> form to this one without building it first; throws
    /// <see cref="FormatException"/> on malformed bytes, leaving this histogram unchanged.
    /// </summary>
    public void MergeBytes(ReadOnlySpan<byte> bytes)
    {
        // a first pass checks everything and finds the index range, so the second can add without checks
        var (zeroCount, sum, max, buckets, low, high, start) = ReadHeader(bytes);
        if (buckets > 0)
        {
            Cover(low, high);
        }

        var position = start;
        var index = 0;
        long total = 0;
        for (var i = 0; i < buckets; i++)
        {
            var zigzag = (uint)ReadVarint(bytes, ref position);
            index += (int)(zigzag >> 1) ^ -(int)(zigzag & 1);
            var count = (long)ReadVarint(bytes, ref position);
            _counts[index - _offset] += count;
            total += count;
        }

        ZeroCount += zeroCount;
        Count += zeroCount + total;
        SumMs += sum;
        MaxMs = Math.Max(MaxMs, max);
    }

    private static (long ZeroCount, double Sum, double Max, int Buckets, int Low, int High, int Start) ReadHeader(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 1 + 1 + 16 + 1 || bytes[0] != EncodingVersion)
        {
            throw new FormatException("Not a stored latency histogram.");
        }

        var position = 1;
        var zeroCount = CheckedCount(ReadVarint(bytes, ref position));
        if (bytes.Length - position < 17)
        {
            throw new FormatException("A stored latency histogram is truncated.");
        }

        var sum = BinaryPrimitives.ReadDoubleLittleEndian(bytes[position..]);
        var max = BinaryPrimitives.ReadDoubleLittleEndian(bytes[(position + 8)..]);
        position += 16;
        if (double.IsNaN(sum) || sum < 0 || double.IsNaN(max) || max < 0)
        {
            throw new FormatException("A stored latency histogram's sum and maximum cannot be negative.");
        }

        var buckets = ReadVarint(bytes, ref position);
        if (buckets > (ulong)(bytes.Length - position))
        {
            throw new FormatException("A stored latency histogram is truncated.");
        }

        var start = position;
        long index = 0, low = long.MaxValue, high = long.MinValue, total = zeroCount;
        for (var i = 0UL; i < buckets; i++)
        {
            var zigzag = ReadVarint(bytes, ref position);
            if (zigzag > uint.MaxValue)
            {
                throw new FormatException("A stored latency histogram's bucket index is out of range.");
            }

            index += (int)((uint)zigzag >> 1) ^ -(int)((uint)zigzag & 1);
            if (index < LowestIndex || index > HighestIndex || (i > 0 && index <= high))
            {
                throw new FormatException("A stored latency histogram's bucket indexes must increase within the range of latencies.");
            }

            low = Math.Min(low, index);
            high = index;
            total += CheckedCount(ReadVarint(bytes, ref position));
            if (total < 0)
            {
                throw new FormatException("A stored latency histogram's counts overflow.");
            }
        }

        if (position != bytes.Length)
        {
            throw new FormatException("A stored latency histogram has trailing bytes.");
        }

        return (zeroCount, sum, max, (int)buckets, (int)low, (int)high, start);
    }

    private static long CheckedCount(ulong value) =>
        value <= long.MaxValue ? (long)value : throw new FormatException("A stored latency histogram's count is out of range.");

    private static int WriteVarint(Span<byte> buffer, ulong value)
    {
        var length = 0;
        while (value >= 0x80)
        {
            buffer[length++] = (byte)(value | 0x80);
            value >>= 7;
        }

        buffer[length++] = (byte)value;
        return length;
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> bytes, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (position >= bytes.Length)
            {
                throw new FormatException("A stored latency histogram is truncated.");
            }

            var b = bytes[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new FormatException("A stored latency histogram has an overlong number.");
    }

    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="data"/> is not a histogram <see cref="Record(double, long)"/> could make.</summary>
    internal static void Validate(LatencyHistogramData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Indexes is null || data.Counts is null || data.Indexes.Count != data.Counts.Count)
        {
            throw new ArgumentException("A histogram needs as many counts as bucket indexes.", nameof(data));
        }

        if (data.ZeroCount < 0 || data.Counts.Any(c => c < 0) || double.IsNaN(data.SumMs) || data.SumMs < 0 || data.MaxMs < 0)
        {
            throw new ArgumentException("A histogram's counts, sum and maximum cannot be negative.", nameof(data));
        }

        if (data.Indexes.Any(i => i < LowestIndex || i > HighestIndex))
        {
            throw new ArgumentException(
                $"A histogram's bucket indexes lie between {LowestIndex} and {HighestIndex} (latencies from 1 µs up).", nameof(data));
        }
    }

    private void Add(int index, long count)
    {
        if (index < _offset || index >= _offset + _counts.Length)
        {
            Cover(index, index);
        }

        _counts[index - _offset] += count;
        _low = Math.Min(_low, index);
        _high = Math.Max(_high, index);
    }

    /// <summary>Makes the count array cover <paramref name="low"/>..<paramref name="high"/> and marks them in use.</summary>
    private void Cover(int low, int high)
    {
        var newLow = Math.Min(low, _low);
        var newHigh = Math.Max(high, _high);
        if (newLow < _offset || newHigh >= _offset + _counts.Length)
        {
            var span = newHigh - newLow + 1;
            var length = Math.Max(span + 16, Math.Min(_counts.Length * 2, span + 256));
            var offset = newLow - ((length - span) / 2);
            var counts = new long[length];
            if (_low <= _high)
            {
                _counts.AsSpan(_low - _offset, _high - _low + 1).CopyTo(counts.AsSpan(_low - offset));
            }

            _counts = counts;
            _offset = offset;
        }

        _low = newLow;
        _high = newHigh;
    }

    private static int IndexOf(double milliseconds) => (int)Math.Ceiling(Math.Log(milliseconds) / LogGamma);

    private static double Representative(int index) => 2 * Math.Pow(Gamma, index) / (Gamma + 1);
}
