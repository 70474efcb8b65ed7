using KonnectES.GraphQL.Language.Syntax;
using KonnectES.GraphQL.Types;

namespace KonnectES.GraphQL.Execution;

/// <summary>
/// The fields of one response name merged by CollectFields (spec §6.3.2), with per-execution caches of the
/// coerced arguments and of the sub-fields per runtime object type.
/// </summary>
internal sealed class CollectedField(string responseName, ObjectType parentType, FieldDefinition definition, FieldNode node)
{
    private Dictionary<ObjectType, CollectedField[]>? _subFields;
    private ObjectType? _lastType;
    private CollectedField[]? _lastSubFields;

    public string ResponseName { get; } = responseName;

    /// <summary>The response name, encoded once for the JSON writer.</summary>
    public System.Text.Json.JsonEncodedText EncodedName { get; } = System.Text.Json.JsonEncodedText.Encode(responseName);

    public ObjectType ParentType { get; } = parentType;

    public FieldDefinition Definition { get; } = definition;

    public FieldNode Node { get; } = node;

    public List<FieldNode>? MoreNodes { get; set; }

    public IReadOnlyDictionary<string, object?>? Arguments { get; set; }

    public string? ArgumentError { get; set; }

    private Type? _accessorType;
    private Func<object, object?>? _accessor;

    /// <summary>The default resolver, with the property accessor of the last parent type cached here.</summary>
    public object? ReadDefault(object? source)
    {
        if (source is null)
        {
            return null;
        }

        var type = source.GetType();
        if (!ReferenceEquals(type, _accessorType))
        {
            _accessor = PropertyAccessor.For(type, Definition.Name);
            _accessorType = type;
        }

        return _accessor is null ? PropertyAccessor.Read(source, Definition.Name) : _accessor(source);
    }

    public CollectedField[] SubFields(ObjectType type, FieldCollector collector)
    {
        if (ReferenceEquals(type, _lastType))
        {
            return _lastSubFields!;
        }

        _subFields ??= [];
        if (!_subFields.TryGetValue(type, out var fields))
        {
            fields = collector.CollectSubFields(type, this);
            _subFields[type] = fields;
        }

        _lastType = type;
        _lastSubFields = fields;
        return fields;
    }
}
