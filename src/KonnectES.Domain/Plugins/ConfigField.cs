using System.Text.Json.Nodes;

namespace KonnectES.Domain;

/// <summary>One field of a plugin config schema: type, default, constraints.</summary>
internal sealed record ConfigField(string Name, FieldKind Kind)
{
    public JsonNode? Default { get; init; }

    public bool Required { get; init; }

    public IReadOnlyList<string>? OneOf { get; init; }

    public double Min { get; init; } = double.MinValue;

    public double Max { get; init; } = double.MaxValue;

    /// <summary>Extra check of a string (or each string item); returns an error message or null.</summary>
    public Func<string, string?>? Check { get; init; }

    public IReadOnlyList<ConfigField> Fields { get; init; } = [];

    public static ConfigField Str(string name, string? def = null, params string[] oneOf) =>
        new(name, FieldKind.String) { Default = def, OneOf = oneOf.Length > 0 ? oneOf : null };

    public static ConfigField Int(string name, long? def, long min = long.MinValue, long max = long.MaxValue) =>
        new(name, FieldKind.Integer) { Default = def, Min = min, Max = max };

    public static ConfigField Num(string name, double? def, double min = double.MinValue, double max = double.MaxValue) =>
        new(name, FieldKind.Number) { Default = def, Min = min, Max = max };

    public static ConfigField Bool(string name, bool? def) => new(name, FieldKind.Boolean) { Default = def };

    public static ConfigField Strs(string name, string[]? def = null, string[]? oneOf = null, Func<string, string?>? check = null) =>
        new(name, FieldKind.StringArray) { Default = def is null ? null : new JsonArray([.. def.Select(v => (JsonNode)v)]), OneOf = oneOf, Check = check };

    public static ConfigField Ints(string name, long[]? def, long min, long max) =>
        new(name, FieldKind.IntegerArray) { Default = def is null ? null : new JsonArray([.. def.Select(v => (JsonNode)v)]), Min = min, Max = max };

    public static ConfigField Rec(string name, params ConfigField[] fields) => new(name, FieldKind.Record) { Fields = fields };
}
