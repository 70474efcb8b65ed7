using System.Collections.Concurrent;

namespace KonnectES.GraphQL.Language;

/// <summary>Interns short names so repeated documents do not allocate a string per name token.</summary>
internal static class NameTable
{
    private const int MaxInterned = 4096;
    private static readonly ConcurrentDictionary<string, string> Names = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Names.GetAlternateLookup<ReadOnlySpan<char>>();

    // ConcurrentDictionary.Count takes every lock; keep a cheap approximate count instead.
    private static int _count;

    public static string Get(string body, int start, int length)
    {
        var span = body.AsSpan(start, length);
        if (Lookup.TryGetValue(span, out var name))
        {
            return name;
        }

        name = span.ToString();
        if (length <= 32 && Volatile.Read(ref _count) < MaxInterned && Names.TryAdd(name, name))
        {
            Interlocked.Increment(ref _count);
        }

        return name;
    }
}
