using KonnectES.GraphQL.Language.Syntax;
using KonnectES.GraphQL.Types;

namespace KonnectES.GraphQL.Validation;

/// <summary>A variable used where a value of some type is expected; HasDefault when that position has a default.</summary>
internal readonly record struct VariableUsage(VariableNode Node, GraphType? Type, bool HasDefault);
