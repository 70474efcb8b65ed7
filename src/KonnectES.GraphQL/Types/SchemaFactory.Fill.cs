using KonnectES.GraphQL.Execution;
using KonnectES.GraphQL.Language.Syntax;

namespace KonnectES.GraphQL.Types;

internal sealed partial class SchemaFactory
{
    private void FillTypes()
    {
        foreach (var (name, nodes) in _definitions)
        {
            if (!_types.TryGetValue(name, out var type))
            {
                continue;
            }

            foreach (var node in nodes)
            {
                Fill(type, node);
            }
        }
    }

    private void Fill(NamedType type, TypeDefinitionNode node)
    {
        switch (type, node)
        {
            case (ComplexType complex, ObjectTypeDefinitionNode obj) when obj.IsInterface == complex is InterfaceType:
                foreach (var reference in obj.Interfaces)
                {
                    if (ResolveType(reference) is InterfaceType i)
                    {
                        complex.Interfaces.Add(i);
                    }
                    else
                    {
                        _errors.Add(Messages.NotAnInterface(complex.Name, reference.Name));
                    }
                }

                foreach (var fieldNode in obj.Fields)
                {
                    AddField(complex, fieldNode);
                }

                break;
            case (UnionType union, UnionTypeDefinitionNode u):
                foreach (var member in u.Types)
                {
                    if (ResolveType(member) is ObjectType o)
                    {
                        union.Types.Add(o);
                    }
                    else
                    {
                        _errors.Add(Messages.UnionMemberNotObject(union.Name, member.Name));
                    }
                }

                break;
            case (EnumType enumType, EnumTypeDefinitionNode e):
                foreach (var value in e.Values)
                {
                    Try(() => enumType.Add(new EnumValueDefinition(value.Name, value.Description, DeprecationReason(value.Directives))));
                }

                break;
            case (InputObjectType input, InputObjectTypeDefinitionNode io):
                input.IsOneOf |= HasDirective(io.Directives, "oneOf");
                foreach (var fieldNode in io.Fields)
                {
                    if (TryInputValue(fieldNode, out var field))
                    {
                        Try(() => input.AddField(field));
                    }
                }

                break;
            case (ScalarGraphType scalar, ScalarTypeDefinitionNode s):
                foreach (var directive in s.Directives)
                {
                    if (directive.Name == "specifiedBy" && directive.Arguments.Count == 1 && directive.Arguments[0].Value is StringValueNode url)
                    {
                        scalar.SpecifiedByUrl = url.Value;
                    }
                }

                break;
            default:
                _errors.Add(Messages.ExtensionKindMismatch(type.Name));
                break;
        }
    }

    private void AddField(ComplexType complex, FieldDefinitionNode node)
    {
        var type = ResolveType(node.Type);
        if (type is null)
        {
            return;
        }

        if (!type.IsOutputType)
        {
            _errors.Add(Messages.NotOutputType(complex.Name + "." + node.Name, type.ToString()));
        }

        var field = new FieldDefinition(node.Name, node.Description, type, DeprecationReason(node.Directives));
        foreach (var argumentNode in node.Arguments)
        {
            if (TryInputValue(argumentNode, out var argument))
            {
                Try(() => field.AddArgument(argument));
            }
        }

        Try(() => complex.AddField(field));
    }

    private void Try(Action action)
    {
        try
        {
            action();
        }
        catch (SchemaException e)
        {
            _errors.Add(e.Message);
        }
    }

    private static bool HasDirective(IReadOnlyList<DirectiveNode> directives, string name)
    {
        foreach (var directive in directives)
        {
            if (directive.Name == name)
            {
                return true;
            }
        }

        return false;
    }

    private (ObjectType Query, ObjectType? Mutation, ObjectType? Subscription, string? Description) RootTypes()
    {
        string? queryName = null, mutationName = null, subscriptionName = null, description = null;
        var explicitSchema = false;
        foreach (var schema in _schemaNodes)
        {
            explicitSchema |= !schema.IsExtension;
            description ??= schema.Description;
            foreach (var operation in schema.OperationTypes)
            {
                switch (operation.Operation)
                {
                    case OperationType.Query: queryName = operation.Type.Name; break;
                    case OperationType.Mutation: mutationName = operation.Type.Name; break;
                    default: subscriptionName = operation.Type.Name; break;
                }
            }
        }

        if (!explicitSchema)
        {
            queryName ??= _types.ContainsKey("Query") ? "Query" : null;
            mutationName ??= _types.ContainsKey("Mutation") ? "Mutation" : null;
            subscriptionName ??= _types.ContainsKey("Subscription") ? "Subscription" : null;
        }

        var query = queryName is null ? null : _types.GetValueOrDefault(queryName) as ObjectType;
        if (query is null)
        {
            _errors.Add(Messages.NoQueryType);
        }

        return (query!, Root(mutationName), Root(subscriptionName), description);
    }

    private ObjectType? Root(string? name)
    {
        if (name is null)
        {
            return null;
        }

        if (_types.GetValueOrDefault(name) is ObjectType type)
        {
            return type;
        }

        _errors.Add(Messages.RootNotObject(name));
        return null;
    }

    private void ComputePossibleTypes()
    {
        foreach (var type in _types.Values)
        {
            if (type is ComplexType complex)
            {
                foreach (var i in complex.Interfaces)
                {
                    if (complex is ObjectType o)
                    {
                        i.PossibleTypes.Add(o);
                    }
                    else
                    {
                        i.Implementations.Add((InterfaceType)complex);
                    }
                }
            }
        }
    }

    private void CoerceDefaults()
    {
        foreach (var type in _types.Values)
        {
            switch (type)
            {
                case ComplexType complex:
                    foreach (var field in complex.FieldList)
                    {
                        field.ArgumentList.ForEach(CoerceDefault);
                    }

                    break;
                case InputObjectType input:
                    input.FieldList.ForEach(CoerceDefault);
                    break;
            }
        }

        foreach (var directive in _directives.Values)
        {
            directive.Arguments.ForEach(CoerceDefault);
        }
    }

    private void CoerceDefault(InputValueDefinition value)
    {
        if (value.DefaultLiteral is null)
        {
            return;
        }

        if (InputCoercion.TryCoerceLiteral(value.DefaultLiteral, value.Type, null, out var coerced, out var error))
        {
            value.DefaultValue = coerced;
        }
        else
        {
            _errors.Add(Messages.InvalidDefault(value.Name, error));
        }
    }
}
