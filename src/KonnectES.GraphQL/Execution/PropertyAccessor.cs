using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;

namespace KonnectES.GraphQL.Execution;

/// <summary>The default resolver: reads the same-named property (case-insensitive) or dictionary entry of the parent.</summary>
internal static class PropertyAccessor
{
    private static readonly ConcurrentDictionary<(Type, string), Func<object, object?>?> Accessors = new();

    public static object? Read(object? source, string name)
    {
        switch (source)
        {
            case null:
                return null;
            case IReadOnlyDictionary<string, object?> map:
                return map.TryGetValue(name, out var value) ? value : null;
            case IDictionary<string, object?> dictionary:
                return dictionary.TryGetValue(name, out var entry) ? entry : null;
            case JsonElement { ValueKind: JsonValueKind.Object } element:
                return element.TryGetProperty(name, out var property) ? Unwrap(property) : null;
        }

        var accessor = Accessors.GetOrAdd((source.GetType(), name), static key => Create(key.Item1, key.Item2));
        return accessor?.Invoke(source);
    }

    /// <summary>The compiled accessor of a CLR type's property or field; null for dictionaries, JSON and unknown members.</summary>
    public static Func<object, object?>? For(Type type, string name) =>
        typeof(IReadOnlyDictionary<string, object?>).IsAssignableFrom(type) || typeof(IDictionary<string, object?>).IsAssignableFrom(type) || type == typeof(JsonElement)
            ? null
            : Accessors.GetOrAdd((type, name), static key => Create(key.Item1, key.Item2));

    /// <summary>The <c>__typename</c> a dictionary or JSON parent carries, if any.</summary>
    public static string? TypeNameOf(object value) => value switch
    {
        IReadOnlyDictionary<string, object?> map => map.TryGetValue("__typename", out var name) ? name as string : null,
        JsonElement { ValueKind: JsonValueKind.Object } element when element.TryGetProperty("__typename", out var p) => p.GetString(),
        _ => null,
    };

    private static object? Unwrap(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => element.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => element.TryGetInt64(out var l) ? l : element.GetDouble(),
        JsonValueKind.Array => element.EnumerateArray().Select(e => (object?)(e.ValueKind == JsonValueKind.Object ? e : Unwrap(e))).ToList(),
        _ => element,
    };

    private static Func<object, object?>? Create(Type type, string name)
    {
        var property = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        MemberInfo? member = property is { CanRead: true } && property.GetIndexParameters().Length == 0 ? property : null;
        member ??= type.GetField(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        if (member is null)
        {
            return null;
        }

        var parameter = Expression.Parameter(typeof(object), "source");
        var access = Expression.MakeMemberAccess(Expression.Convert(parameter, type), member);
        var body = Expression.Convert(access, typeof(object));
        return Expression.Lambda<Func<object, object?>>(body, parameter).Compile();
    }
}
