namespace KonnectES.GraphQL.Types;

/// <summary>Picks the object type name of a value returned for an interface or union field; null when unknown.</summary>
/// <param name="value">The resolved value.</param>
public delegate string? AbstractTypeResolver(object value);
