namespace KonnectES.GraphQL.Types;

/// <summary>Type equality and covariance, as the spec's IsTypeSubTypeOf and IsSameType define them.</summary>
internal static class TypeComparators
{
    public static bool IsEqual(GraphType a, GraphType b) => (a, b) switch
    {
        (NonNullType x, NonNullType y) => IsEqual(x.OfType, y.OfType),
        (ListType x, ListType y) => IsEqual(x.OfType, y.OfType),
        (NamedType x, NamedType y) => ReferenceEquals(x, y),
        _ => false,
    };

    /// <summary>Whether a value of <paramref name="maybeSub"/> can stand where <paramref name="super"/> is expected.</summary>
    public static bool IsSubType(GraphType maybeSub, GraphType super)
    {
        if (ReferenceEquals(maybeSub, super))
        {
            return true;
        }

        if (super is NonNullType superNonNull)
        {
            return maybeSub is NonNullType subNonNull && IsSubType(subNonNull.OfType, superNonNull.OfType);
        }

        if (maybeSub is NonNullType nonNull)
        {
            return IsSubType(nonNull.OfType, super);
        }

        if (super is ListType superList)
        {
            return maybeSub is ListType subList && IsSubType(subList.OfType, superList.OfType);
        }

        if (maybeSub is ListType)
        {
            return false;
        }

        return super switch
        {
            UnionType u => maybeSub is ObjectType o && u.Types.Contains(o),
            InterfaceType i => maybeSub is ComplexType c && c.Implements(i),
            _ => false,
        };
    }

    /// <summary>Whether two composite types can have an object type in common (for fragment spreads).</summary>
    public static bool Overlap(Schema schema, NamedType a, NamedType b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        var possibleA = schema.PossibleTypes(a);
        var possibleB = schema.PossibleTypes(b);
        foreach (var t in possibleA)
        {
            foreach (var u in possibleB)
            {
                if (ReferenceEquals(t, u))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
