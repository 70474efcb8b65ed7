using System.Security.Cryptography;

namespace KonnectES.DataPlane.Proxy;

/// <summary>
/// Kong's request ids (<c>X-Kong-Request-Id</c>, nginx's <c>$request_id</c>): 32 lower-case hex digits. Each is a
/// random 64-bit prefix drawn once per process followed by a 64-bit counter mixed through a bijection, so ids never
/// repeat within a process, differ between processes, and cost no random-number call per request.
/// </summary>
internal static class RequestIds
{
    private static readonly ulong Prefix = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));
    private static readonly ulong Key = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)) | 1;
    private static long _counter;

    /// <summary>A new id.</summary>
    public static string Next()
    {
        var sequence = (ulong)Interlocked.Increment(ref _counter);
        return string.Create(32, Mix(sequence * Key), static (chars, mixed) =>
        {
            Prefix.TryFormat(chars, out _, "x16");
            mixed.TryFormat(chars[16..], out _, "x16");
        });
    }

    // splitmix64's finalizer: a bijection on 64 bits, so distinct counters give distinct suffixes.
    private static ulong Mix(ulong value)
    {
        value = (value ^ (value >> 30)) * 0xbf58476d1ce4e5b9UL;
        value = (value ^ (value >> 27)) * 0x94d049bb133111ebUL;
        return value ^ (value >> 31);
    }
}
