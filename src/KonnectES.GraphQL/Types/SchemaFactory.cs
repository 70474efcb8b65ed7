using KonnectES.GraphQL.Language;
using KonnectES.GraphQL.Language.Syntax;
using KonnectES.GraphQL.Types.Introspection;
using KonnectES.GraphQL.Types.ScalarTypes;

namespace KonnectES.GraphQL.Types;

/// <summary>Turns parsed SDL documents and the builder's bindings into a validated <see cref="Schema"/>.</summary>
internal sealed partial class SchemaFactory
{
    private readonly SchemaBuilder _builder;
    private readonly List<DocumentNode> _documents;
    private readonly Dictionary<string, NamedType> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DirectiveDefinition> _directives = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<TypeDefinitionNode>> _definitions = new(StringComparer.Ordinal);
    private readonly List<DirectiveDefinitionNode> _directiveNodes = [];
    private readonly List<SchemaDefinitionNode> _schemaNodes = [];
    private readonly List<string> _errors = [];

    public SchemaFactory(SchemaBuilder builder, List<DocumentNode> documents)
    {
        _builder = builder;
        _documents = [Parser.Parse(IntrospectionSdl.Text), .. documents];
    }

    public Schema Create()
    {
        foreach (var scalar in new[] { Scalars.Int, Scalars.Float, Scalars.String, Scalars.Boolean, Scalars.Id })
        {
            _types[scalar.Name] = new ScalarGraphType(scalar, null);
        }

        CollectDefinitions();
        CreateShells();
        CreateDirectives();
        FillTypes();
        ThrowIfErrors();
        var (query, mutation, subscription, description) = RootTypes();
        ThrowIfErrors();
        ComputePossibleTypes();
        CoerceDefaults();
        BindResolvers();
        Validate();
        ThrowIfErrors();
        IntrospectionResolvers.Bind(_types);
        // graphql-js order: the schema's own directives, then the specified ones.
        var directives = new Dictionary<string, DirectiveDefinition>(StringComparer.Ordinal);
        foreach (var directive in _directives.Values.Where(d => !d.IsBuiltIn).Concat(_directives.Values.Where(d => d.IsBuiltIn)))
        {
            directives[directive.Name] = directive;
        }

        return new Schema(_types, directives, query, mutation, subscription, description);
    }

    private void ThrowIfErrors()
    {
        if (_errors.Count > 0)
        {
            throw new SchemaException(string.Join(Environment.NewLine, _errors));
        }
    }

    private void CollectDefinitions()
    {
        foreach (var document in _documents)
        {
            foreach (var definition in document.Definitions)
            {
                switch (definition)
                {
                    case TypeDefinitionNode type:
                        if (!_definitions.TryGetValue(type.Name, out var list))
                        {
                            _definitions[type.Name] = list = [];
                        }

                        list.Add(type);
                        break;
                    case DirectiveDefinitionNode directive:
                        _directiveNodes.Add(directive);
                        break;
                    case SchemaDefinitionNode schema:
                        _schemaNodes.Add(schema);
                        break;
                    default:
                        _errors.Add(Messages.ExecutableInSchema);
                        break;
                }
            }
        }
    }

    private void CreateShells()
    {
        foreach (var (name, nodes) in _definitions)
        {
            TypeDefinitionNode? definition = null;
            foreach (var node in nodes)
            {
                if (node.IsExtension)
                {
                    continue;
                }

                if (definition is not null)
                {
                    _errors.Add(Messages.DuplicateType(name));
                }

                definition = node;
            }

            if (definition is null)
            {
                if (!_types.ContainsKey(name))
                {
                    _errors.Add(Messages.ExtensionOfUnknownType(name));
                }

                continue;
            }

            if (_types.ContainsKey(name))
            {
                _errors.Add(Messages.DuplicateType(name));
                continue;
            }

            _types[name] = definition switch
            {
                ScalarTypeDefinitionNode s => new ScalarGraphType(
                    _builder.ScalarTypes.GetValueOrDefault(name) ?? KnownScalar(name) ?? new PassThroughScalar(name), s.Description),
                ObjectTypeDefinitionNode { IsInterface: true } i => new InterfaceType(name, i.Description),
                ObjectTypeDefinitionNode o => new ObjectType(name, o.Description),
                UnionTypeDefinitionNode u => new UnionType(name, u.Description),
                EnumTypeDefinitionNode e => new EnumType(name, e.Description),
                InputObjectTypeDefinitionNode io => new InputObjectType(name, io.Description),
                _ => throw new InvalidOperationException(),
            };
        }
    }

    private static ScalarType? KnownScalar(string name) => name switch
    {
        "DateTime" => Scalars.DateTime,
        "JSON" => Scalars.Json,
        _ => null,
    };

    private void CreateDirectives()
    {
        foreach (var node in _directiveNodes)
        {
            if (_directives.ContainsKey(node.Name))
            {
                _errors.Add(Messages.DuplicateDirective(node.Name));
                continue;
            }

            var directive = new DirectiveDefinition(node.Name, node.Description, node.Repeatable, node.Locations);
            foreach (var argument in node.Arguments)
            {
                if (TryInputValue(argument, out var value))
                {
                    directive.Arguments.Add(value);
                }
            }

            _directives[node.Name] = directive;
        }
    }

    private GraphType? ResolveType(TypeNode node)
    {
        switch (node)
        {
            case NonNullTypeNode nonNull:
                var inner = ResolveType(nonNull.Type);
                return inner is null ? null : inner is NamedType n ? n.AsNonNull() : new NonNullType(inner);
            case ListTypeNode list:
                var item = ResolveType(list.Type);
                return item is null ? null : item is NamedType named ? named.AsList() : new ListType(item);
            case NamedTypeNode namedNode:
                if (_types.TryGetValue(namedNode.Name, out var type))
                {
                    return type;
                }

                if (_builder.ScalarTypes.TryGetValue(namedNode.Name, out var scalar))
                {
                    var added = new ScalarGraphType(scalar, null);
                    _types[scalar.Name] = added;
                    return added;
                }

                _errors.Add(Messages.UnknownTypeInSchema(namedNode.Name));
                return null;
            default:
                return null;
        }
    }

    private bool TryInputValue(InputValueDefinitionNode node, out InputValueDefinition value)
    {
        var type = ResolveType(node.Type);
        value = null!;
        if (type is null)
        {
            return false;
        }

        if (!type.IsInputType)
        {
            _errors.Add(Messages.NotInputType(node.Name, type.ToString()));
        }

        value = new InputValueDefinition(node.Name, node.Description, type, node.DefaultValue, DeprecationReason(node.Directives));
        return true;
    }

    private static string? DeprecationReason(IReadOnlyList<DirectiveNode> directives)
    {
        foreach (var directive in directives)
        {
            if (directive.Name == "deprecated")
            {
                foreach (var argument in directive.Arguments)
                {
                    if (argument.Name == "reason" && argument.Value is StringValueNode reason)
                    {
                        return reason.Value;
                    }
                }

                return "No longer supported";
            }
        }

        return null;
    }
}
