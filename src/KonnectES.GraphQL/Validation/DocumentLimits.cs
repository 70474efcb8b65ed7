using KonnectES.GraphQL.Execution;
using KonnectES.GraphQL.Language;
using KonnectES.GraphQL.Language.Syntax;

namespace KonnectES.GraphQL.Validation;

/// <summary>Cheap syntactic limits checked before validation: field selections and aliases in the document.</summary>
internal static class DocumentLimits
{
    public static GraphQLError? Check(DocumentNode document, ExecutionOptions options)
    {
        var fields = 0;
        var aliases = 0;
        var stack = new Stack<SelectionSetNode>();
        foreach (var definition in document.Definitions)
        {
            if (definition is ExecutableDefinitionNode executable)
            {
                stack.Push(executable.SelectionSet);
            }
        }

        while (stack.Count > 0)
        {
            foreach (var selection in stack.Pop().Selections)
            {
                switch (selection)
                {
                    case FieldNode field:
                        fields++;
                        if (field.Alias is not null)
                        {
                            aliases++;
                        }

                        if (field.SelectionSet is not null)
                        {
                            stack.Push(field.SelectionSet);
                        }

                        break;
                    case InlineFragmentNode inline:
                        stack.Push(inline.SelectionSet);
                        break;
                }
            }

            if (fields > options.MaxFields)
            {
                return Refuse(Messages.TooManyFields(options.MaxFields));
            }

            if (aliases > options.MaxAliases)
            {
                return Refuse(Messages.TooManyAliases(options.MaxAliases));
            }
        }

        return null;
    }

    private static GraphQLError Refuse(string message) => new(message, [new SourceLocation(1, 1)], code: "REQUEST_REFUSED");
}
