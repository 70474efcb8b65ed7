using KonnectES.GraphQL.Types;

namespace KonnectES.GraphQL.Execution;

internal sealed partial class OperationExecution
{
    // ResolveAbstractType (spec §6.4.3): the host's resolver, a __typename entry, a bound CLR type, then the CLR type's name.
    private ObjectType? ResolveAbstractType(NamedType abstractType, object value)
    {
        var resolver = abstractType switch
        {
            InterfaceType i => i.ResolveType,
            UnionType u => u.ResolveType,
            _ => null,
        };
        var name = resolver?.Invoke(value) ?? PropertyAccessor.TypeNameOf(value);
        var possible = Schema.PossibleTypes(abstractType);
        if (name is not null)
        {
            foreach (var candidate in possible)
            {
                if (candidate.Name == name)
                {
                    return candidate;
                }
            }

            return null;
        }

        var clrType = value.GetType();
        foreach (var candidate in possible)
        {
            foreach (var runtimeType in candidate.RuntimeTypes)
            {
                if (runtimeType.IsAssignableFrom(clrType))
                {
                    return candidate;
                }
            }
        }

        foreach (var candidate in possible)
        {
            if (candidate.Name == clrType.Name)
            {
                return candidate;
            }
        }

        return null;
    }
}
