using System.Text;
using KonnectES.GraphQL.Language;
using KonnectES.GraphQL.Types.Introspection;

namespace KonnectES.GraphQL.Types;

/// <summary>Prints a schema as SDL exactly as graphql-js <c>printSchema</c> does.</summary>
internal static class SchemaPrinter
{
    private const string DefaultDeprecation = "No longer supported";

    public static string Print(Schema schema)
    {
        var parts = new List<string>();
        var definition = PrintSchemaDefinition(schema);
        if (definition is not null)
        {
            parts.Add(definition);
        }

        foreach (var directive in schema.Directives.Values)
        {
            if (!directive.IsBuiltIn)
            {
                parts.Add(PrintDirective(directive));
            }
        }

        foreach (var type in schema.Types.Values)
        {
            if (!type.IsIntrospection && !(type is ScalarGraphType { IsBuiltIn: true }))
            {
                parts.Add(PrintType(type));
            }
        }

        return string.Join("\n\n", parts);
    }

    private static string? PrintSchemaDefinition(Schema schema)
    {
        var commonNames = schema.QueryType.Name == "Query"
            && (schema.MutationType is null || schema.MutationType.Name == "Mutation")
            && (schema.SubscriptionType is null || schema.SubscriptionType.Name == "Subscription");
        if (schema.Description is null && commonNames)
        {
            return null;
        }

        var builder = new StringBuilder(Description(schema.Description, string.Empty, true)).Append("schema {\n");
        builder.Append("  query: ").Append(schema.QueryType.Name);
        if (schema.MutationType is not null)
        {
            builder.Append("\n  mutation: ").Append(schema.MutationType.Name);
        }

        if (schema.SubscriptionType is not null)
        {
            builder.Append("\n  subscription: ").Append(schema.SubscriptionType.Name);
        }

        return builder.Append("\n}").ToString();
    }

    private static string PrintDirective(DirectiveDefinition directive) =>
        Description(directive.Description, string.Empty, true) + "directive @" + directive.Name + Arguments(directive.Arguments, string.Empty)
        + (directive.IsRepeatable ? " repeatable" : string.Empty) + " on " + string.Join(" | ", directive.Locations);

    private static string PrintType(NamedType type)
    {
        var head = Description(type.Description, string.Empty, true);
        switch (type)
        {
            case ScalarGraphType scalar:
                return head + "scalar " + scalar.Name
                    + (scalar.SpecifiedByUrl is null ? string.Empty : " @specifiedBy(url: " + Printer.PrintString(scalar.SpecifiedByUrl) + ")");
            case ComplexType complex:
                var keyword = complex is InterfaceType ? "interface " : "type ";
                var implements = complex.Interfaces.Count == 0 ? string.Empty : " implements " + string.Join(" & ", complex.Interfaces.Select(i => i.Name));
                var fields = complex.FieldList.Select((f, i) => Description(f.Description, "  ", i == 0) + "  " + f.Name
                    + Arguments(f.ArgumentList, "  ") + ": " + f.Type + Deprecated(f.DeprecationReason));
                return head + keyword + complex.Name + implements + Block(fields);
            case UnionType union:
                return head + "union " + union.Name + (union.Types.Count == 0 ? string.Empty : " = " + string.Join(" | ", union.Types.Select(t => t.Name)));
            case EnumType e:
                return head + "enum " + e.Name + Block(e.Values.Select((v, i) =>
                    Description(v.Description, "  ", i == 0) + "  " + v.Name + Deprecated(v.DeprecationReason)));
            case InputObjectType input:
                return head + "input " + input.Name + (input.IsOneOf ? " @oneOf" : string.Empty)
                    + Block(input.FieldList.Select((f, i) => Description(f.Description, "  ", i == 0) + "  " + InputValue(f)));
            default:
                throw new InvalidOperationException();
        }
    }

    private static string Block(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? string.Empty : " {\n" + string.Join("\n", list) + "\n}";
    }

    private static string Arguments(IReadOnlyList<InputValueDefinition> arguments, string indentation)
    {
        if (arguments.Count == 0)
        {
            return string.Empty;
        }

        if (arguments.All(a => a.Description is null))
        {
            return "(" + string.Join(", ", arguments.Select(InputValue)) + ")";
        }

        return "(\n" + string.Join("\n", arguments.Select((a, i) => Description(a.Description, "  " + indentation, i == 0) + "  " + indentation + InputValue(a)))
            + "\n" + indentation + ")";
    }

    private static string InputValue(InputValueDefinition value)
    {
        var text = value.Name + ": " + value.Type;
        if (value.DefaultLiteral is not null && ValuePrinter.ToLiteral(value.DefaultValue, value.Type) is { } literal)
        {
            text += " = " + Printer.Print(literal);
        }

        return text + Deprecated(value.DeprecationReason);
    }

    private static string Deprecated(string? reason) => reason switch
    {
        null => string.Empty,
        DefaultDeprecation => " @deprecated",
        _ => " @deprecated(reason: " + Printer.PrintString(reason) + ")",
    };

    private static string Description(string? description, string indentation, bool firstInBlock)
    {
        if (description is null)
        {
            return string.Empty;
        }

        var text = BlockString.IsPrintable(description) ? BlockString.Print(description) : Printer.PrintString(description);
        var prefix = indentation.Length > 0 && !firstInBlock ? "\n" + indentation : indentation;
        return prefix + text.Replace("\n", "\n" + indentation, StringComparison.Ordinal) + "\n";
    }
}
