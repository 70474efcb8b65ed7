using KonnectES.GraphQL.Language.Syntax;

namespace KonnectES.GraphQL.Validation.Rules;

/// <summary>Two fields with one response name that cannot be merged.</summary>
internal sealed record Conflict(string ResponseName, string Reason, List<SyntaxNode> Nodes);
