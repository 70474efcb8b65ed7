using System.Text;
using KonnectES.GraphQL.Language.Syntax;

namespace KonnectES.GraphQL.Language;

/// <summary>
/// Prints executable documents in graphql-js print() format: two-space indentation, one selection per line,
/// arguments wrapped onto their own lines past 80 columns. Used to normalise documents (logs, persisted
/// operation hashes); type system definitions are printed by the schema printer instead.
/// </summary>
internal static class DocumentPrinter
{
    private const int MaxLineLength = 80;

    public static string Print(DocumentNode document)
    {
        var parts = new List<string>(document.Definitions.Count);
        foreach (var definition in document.Definitions)
        {
            parts.Add(definition switch
            {
                OperationDefinitionNode operation => PrintOperation(operation),
                FragmentDefinitionNode fragment => PrintFragment(fragment),
                _ => throw new NotSupportedException(Messages.PrintTypeSystem),
            });
        }

        return string.Join("\n\n", parts);
    }

    private static string PrintOperation(OperationDefinitionNode operation)
    {
        var keyword = operation.Operation switch
        {
            OperationType.Query => "query",
            OperationType.Mutation => "mutation",
            _ => "subscription",
        };
        var variables = operation.VariableDefinitions.Count == 0
            ? string.Empty
            : "(" + string.Join(", ", operation.VariableDefinitions.Select(PrintVariable)) + ")";
        var prefix = Join(" ", keyword, (operation.Name ?? string.Empty) + variables, Directives(operation.Directives));
        return (prefix == "query" ? string.Empty : prefix + " ") + PrintSelectionSet(operation.SelectionSet);
    }

    private static string PrintVariable(VariableDefinitionNode variable)
    {
        var text = "$" + variable.Variable.Name + ": " + Printer.Print(variable.Type);
        if (variable.DefaultValue is not null)
        {
            text += " = " + Printer.Print(variable.DefaultValue);
        }

        var directives = Directives(variable.Directives);
        return directives.Length == 0 ? text : text + " " + directives;
    }

    private static string PrintFragment(FragmentDefinitionNode fragment)
    {
        var directives = Directives(fragment.Directives);
        return "fragment " + fragment.Name + " on " + fragment.TypeCondition.Name + " "
            + (directives.Length == 0 ? string.Empty : directives + " ") + PrintSelectionSet(fragment.SelectionSet);
    }

    private static string PrintSelectionSet(SelectionSetNode selectionSet)
    {
        if (selectionSet.Selections.Count == 0)
        {
            return string.Empty;
        }

        var body = string.Join("\n", selectionSet.Selections.Select(PrintSelection));
        return "{\n  " + body.Replace("\n", "\n  ", StringComparison.Ordinal) + "\n}";
    }

    private static string PrintSelection(SelectionNode selection) => selection switch
    {
        FieldNode field => PrintField(field),
        FragmentSpreadNode spread => Join(" ", "..." + spread.Name, Directives(spread.Directives)),
        InlineFragmentNode inline => Join(
            " ", "...", inline.TypeCondition is null ? string.Empty : "on " + inline.TypeCondition.Name,
            Directives(inline.Directives), PrintSelectionSet(inline.SelectionSet)),
        _ => throw new ArgumentOutOfRangeException(nameof(selection)),
    };

    private static string PrintField(FieldNode field)
    {
        var prefix = (field.Alias is null ? string.Empty : field.Alias + ": ") + field.Name;
        var line = prefix;
        if (field.Arguments.Count > 0)
        {
            var arguments = field.Arguments.Select(a => a.Name + ": " + Printer.Print(a.Value)).ToList();
            var joinedLength = arguments.Sum(a => a.Length) + (2 * (arguments.Count - 1));
            line = prefix.Length + joinedLength + 2 > MaxLineLength
                ? prefix + "(\n  " + string.Join("\n", arguments).Replace("\n", "\n  ", StringComparison.Ordinal) + "\n)"
                : prefix + "(" + string.Join(", ", arguments) + ")";
        }

        var builder = new StringBuilder(line);
        var directives = Directives(field.Directives);
        if (directives.Length > 0)
        {
            builder.Append(' ').Append(directives);
        }

        if (field.SelectionSet is not null)
        {
            builder.Append(' ').Append(PrintSelectionSet(field.SelectionSet));
        }

        return builder.ToString();
    }

    private static string Directives(IReadOnlyList<DirectiveNode> directives) => string.Join(" ", directives.Select(d =>
        "@" + d.Name + (d.Arguments.Count == 0 ? string.Empty : "(" + string.Join(", ", d.Arguments.Select(a => a.Name + ": " + Printer.Print(a.Value))) + ")")));

    private static string Join(string separator, params string[] parts) => string.Join(separator, parts.Where(p => p.Length > 0));
}
