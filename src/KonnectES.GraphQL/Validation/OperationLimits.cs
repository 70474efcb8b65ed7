using System.Globalization;
using KonnectES.GraphQL.Execution;
using KonnectES.GraphQL.Language.Syntax;
using KonnectES.GraphQL.Types;

namespace KonnectES.GraphQL.Validation;

/// <summary>
/// Depth, expanded field count and static cost of each operation, fragments expanded (after validation, so
/// fragments cannot cycle). A list field multiplies its subtree by its <c>first</c>/<c>last</c> literal, or by
/// the default list size.
/// </summary>
internal static class OperationLimits
{
    public static GraphQLError? Check(Schema schema, DocumentNode document, ExecutionOptions options)
    {
        var fragments = new Dictionary<string, FragmentDefinitionNode>(StringComparer.Ordinal);
        foreach (var definition in document.Definitions)
        {
            if (definition is FragmentDefinitionNode fragment)
            {
                fragments.TryAdd(fragment.Name!, fragment);
            }
        }

        foreach (var definition in document.Definitions)
        {
            if (definition is not OperationDefinitionNode operation || schema.RootType(operation.Operation) is not { } root)
            {
                continue;
            }

            var walker = new Walker(schema, fragments, options);
            var cost = walker.Measure(root, operation.SelectionSet, 1);
            if (walker.DepthExceeded)
            {
                return Refuse(Messages.TooDeepQuery(options.MaxDepth), document, operation);
            }

            if (walker.Fields > options.MaxFields)
            {
                return Refuse(Messages.TooManyFields(options.MaxFields), document, operation);
            }

            if (options.MaxCost > 0 && cost > options.MaxCost)
            {
                return Refuse(Messages.TooCostly(cost, options.MaxCost), document, operation);
            }
        }

        return null;
    }

    private static GraphQLError Refuse(string message, DocumentNode document, OperationDefinitionNode operation) =>
        new(message, [document.Source.GetLocation(operation.Start)], code: "REQUEST_REFUSED");

    private sealed class Walker(Schema schema, Dictionary<string, FragmentDefinitionNode> fragments, ExecutionOptions options)
    {
        public bool DepthExceeded { get; private set; }

        public long Fields { get; private set; }

        public double Measure(NamedType? parent, SelectionSetNode set, int depth)
        {
            if (depth > options.MaxDepth)
            {
                DepthExceeded = true;
                return 0;
            }

            double cost = 0;
            foreach (var selection in set.Selections)
            {
                if (DepthExceeded || Fields > options.MaxFields)
                {
                    return cost;
                }

                switch (selection)
                {
                    case FieldNode field:
                        Fields++;
                        var definition = parent is null ? null : schema.FindField(parent, field.Name);
                        cost += 1;
                        if (field.SelectionSet is not null && definition is not null)
                        {
                            // Introspection lists are bounded by the schema, not by data: they do not multiply.
                            var multiplier = definition.Type.Nullable is ListType && !definition.Type.Named.IsIntrospection ? ListSize(field) : 1;
                            cost += multiplier * Measure(definition.Type.Named, field.SelectionSet, depth + 1);
                        }

                        break;
                    case InlineFragmentNode inline:
                        cost += Measure(inline.TypeCondition is null ? parent : schema.FindType(inline.TypeCondition.Name), inline.SelectionSet, depth);
                        break;
                    case FragmentSpreadNode spread when fragments.TryGetValue(spread.Name, out var fragment):
                        cost += Measure(schema.FindType(fragment.TypeCondition.Name), fragment.SelectionSet, depth);
                        break;
                }
            }

            return cost;
        }

        private int ListSize(FieldNode field)
        {
            foreach (var argument in field.Arguments)
            {
                if (argument.Name is "first" or "last" && argument.Value is IntValueNode i
                    && int.TryParse(i.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var size))
                {
                    return Math.Max(size, 0);
                }
            }

            return options.DefaultListSize;
        }
    }
}
