namespace KonnectES.GraphQL.Types;

internal sealed partial class SchemaFactory
{
    private void BindResolvers()
    {
        foreach (var ((typeName, fieldName), resolver) in _builder.Resolvers)
        {
            if (FindField(typeName, fieldName) is { } field)
            {
                field.Resolver = resolver;
            }
        }

        foreach (var ((typeName, fieldName), subscriber) in _builder.Subscribers)
        {
            if (FindField(typeName, fieldName) is { } field)
            {
                field.Subscriber = subscriber;
            }
        }

        // A resolver bound on an interface field serves every implementation that has none of its own.
        foreach (var type in _types.Values)
        {
            if (type is not ObjectType obj)
            {
                continue;
            }

            foreach (var field in obj.FieldList)
            {
                if (field.Resolver is not null)
                {
                    continue;
                }

                foreach (var i in obj.Interfaces)
                {
                    if (i.Fields.TryGetValue(field.Name, out var inherited) && inherited.Resolver is not null)
                    {
                        field.Resolver = inherited.Resolver;
                        break;
                    }
                }
            }
        }

        foreach (var (clrType, typeName) in _builder.RuntimeTypes)
        {
            if (_types.GetValueOrDefault(typeName) is ObjectType obj)
            {
                obj.RuntimeTypes.Add(clrType);
            }
            else
            {
                _errors.Add(Messages.UnknownObjectType(typeName));
            }
        }

        foreach (var (typeName, resolver) in _builder.TypeResolvers)
        {
            switch (_types.GetValueOrDefault(typeName))
            {
                case InterfaceType i: i.ResolveType = resolver; break;
                case UnionType u: u.ResolveType = resolver; break;
                default: _errors.Add(Messages.UnknownAbstractType(typeName)); break;
            }
        }

        foreach (var (typeName, clrEnum) in _builder.EnumBindings)
        {
            if (_types.GetValueOrDefault(typeName) is EnumType e)
            {
                e.Bind(clrEnum);
            }
            else
            {
                _errors.Add(Messages.UnknownEnumType(typeName));
            }
        }

        foreach (var type in _types.Values)
        {
            if (type is EnumType e)
            {
                e.RebuildIndex();
            }
        }
    }

    private FieldDefinition? FindField(string typeName, string fieldName)
    {
        if (_types.GetValueOrDefault(typeName) is ComplexType complex && complex.Fields.TryGetValue(fieldName, out var field))
        {
            return field;
        }

        _errors.Add(Messages.UnknownFieldBinding(typeName, fieldName));
        return null;
    }

    private void Validate()
    {
        foreach (var type in _types.Values)
        {
            if (type.IsIntrospection && !_definitions.ContainsKey(type.Name))
            {
                _errors.Add(Messages.ReservedName(type.Name));
            }

            switch (type)
            {
                case ComplexType complex:
                    if (complex.FieldList.Count == 0)
                    {
                        _errors.Add(Messages.NoFields(complex.Name));
                    }

                    foreach (var i in complex.Interfaces)
                    {
                        ValidateImplementation(complex, i);
                    }

                    break;
                case UnionType union when union.Types.Count == 0:
                    _errors.Add(Messages.NoFields(union.Name));
                    break;
                case EnumType e when e.Values.Count == 0:
                    _errors.Add(Messages.NoFields(e.Name));
                    break;
                case InputObjectType input when input.FieldList.Count == 0:
                    _errors.Add(Messages.NoFields(input.Name));
                    break;
                case InputObjectType input when HasNonNullCycle(input, input, []):
                    _errors.Add(Messages.InputCycle(input.Name));
                    break;
            }
        }

    }

    /// <summary>An input object that needs itself through non-null, non-list fields can never be written (spec §3.10).</summary>
    private static bool HasNonNullCycle(InputObjectType start, InputObjectType current, HashSet<InputObjectType> visited)
    {
        if (!visited.Add(current))
        {
            return false;
        }

        foreach (var field in current.FieldList)
        {
            if (field.Type is NonNullType { OfType: InputObjectType next } && (ReferenceEquals(next, start) || HasNonNullCycle(start, next, visited)))
            {
                return true;
            }
        }

        return false;
    }

    private void ValidateImplementation(ComplexType type, InterfaceType iface)
    {
        foreach (var inherited in iface.Interfaces)
        {
            if (!type.Implements(inherited))
            {
                _errors.Add(Messages.MissingTransitiveInterface(type.Name, iface.Name, inherited.Name));
            }
        }

        foreach (var expected in iface.FieldList)
        {
            if (!type.Fields.TryGetValue(expected.Name, out var actual))
            {
                _errors.Add(Messages.MissingInterfaceField(type.Name, iface.Name, expected.Name));
                continue;
            }

            if (!TypeComparators.IsSubType(actual.Type, expected.Type))
            {
                _errors.Add(Messages.InterfaceFieldType(type.Name, iface.Name, expected.Name));
            }

            foreach (var argument in expected.ArgumentList)
            {
                if (!actual.Arguments.TryGetValue(argument.Name, out var actualArgument) || !TypeComparators.IsEqual(argument.Type, actualArgument.Type))
                {
                    _errors.Add(Messages.InterfaceArgument(type.Name, iface.Name, expected.Name, argument.Name));
                }
            }
        }
    }
}
