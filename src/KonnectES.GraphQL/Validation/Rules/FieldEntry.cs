using KonnectES.GraphQL.Language.Syntax;
using KonnectES.GraphQL.Types;

namespace KonnectES.GraphQL.Validation.Rules;

/// <summary>A field with the type it was selected on and its definition, if known.</summary>
internal sealed record FieldEntry(NamedType? Parent, FieldNode Node, FieldDefinition? Definition);
