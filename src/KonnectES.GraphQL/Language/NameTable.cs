using System.Collections.Concurrent;

namespace KonnectES.GraphQL.Language;

/// <summary>Interns short names so repeated documents do not allocate a string per name token.</summary>
internal static class NameTable
{
    private const int MaxInterned = 4096;
    private static readonly ConcurrentDictionary<string, string> Names = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Names.GetAlternateLookup<ReadOnlySpan<char>>();

    public static string Get(string body, int start, int length)
    {
        var span = body.AsSpan(start, length);
        if (Lookup.TryGetValue(span, out var name))
        {
            return name;
        }

        name = span.ToString();
        if (length <= 32 && Names.Count < MaxInterned)
        {
            Names.TryAdd(name, name);
        }

        return name;
    }
}
