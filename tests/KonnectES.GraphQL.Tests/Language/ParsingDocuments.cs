using KonnectES.GraphQL.Language;
using KonnectES.GraphQL.Language.Syntax;

namespace KonnectES.GraphQL.Tests.Language;

public sealed class ParsingDocuments
{
    [Fact]
    public void The_kitchen_sink_query_parses()
    {
        var document = Parser.Parse(""""
            query queryName($foo: ComplexType, $site: Site = MOBILE) @onQuery {
              whoever123is: node(id: [123, 456]) {
                id ,
                ... on User @onInlineFragment { field2 { id , alias: field1(first:10, after:$foo,) @include(if: $foo) { id, ...frag @onFragmentSpread } } }
                ... @skip(unless: $foo) { id }
                ... { id }
              }
            }
            mutation likeStory @onMutation { like(story: 123) @onField { story { id @onField } } }
            subscription StoryLikeSubscription($input: StoryLikeSubscribeInput @onVariableDefinition) @onSubscription {
              storyLikeSubscribe(input: $input) { story { likers { count } likeSentence { text } } }
            }
            fragment frag on Friend @onFragmentDefinition {
              foo(size: $size, bar: $b, obj: {key: "value", block: """
                  block string uses \"""
              """})
            }
            { unnamed(truthy: true, falsy: false, nullish: null), query }
            """");
        Assert.Equal(5, document.Definitions.Count);
    }

    [Fact]
    public void Block_strings_drop_common_indentation_and_blank_edge_lines()
    {
        var value = (StringValueNode)Parser.ParseValue("\"\"\"\r\n    Hello,\r\n      World!\r\n\r\n    Yours,\r\n      GraphQL.\r\n  \"\"\"");
        Assert.Equal("Hello,\n  World!\n\nYours,\n  GraphQL.", value.Value);
    }

    [Theory]
    [InlineData("\"\\u{1F600}\"", "\U0001F600")]
    [InlineData("\"\\uD83D\\uDE00\"", "\U0001F600")]
    [InlineData("\"\\u00e9\\n\"", "é\n")]
    public void Unicode_escapes_decode_to_scalar_values(string literal, string expected) =>
        Assert.Equal(expected, ((StringValueNode)Parser.ParseValue(literal)).Value);

    [Theory]
    [InlineData("{ a(x: \"\\uDEAD\") }", 1, 9)]
    [InlineData("{ a(x: \"\\u{110000}\") }", 1, 9)]
    [InlineData("{ a(x: 123abc) }", 1, 11)]
    [InlineData("{ a(x: 1.) }", 1, 10)]
    [InlineData("{ a(x: 00) }", 1, 9)]
    [InlineData("{ a(x: \"abc\n\") }", 1, 12)]
    [InlineData("query {\n  a b(\n}", 3, 1)]
    public void Syntax_errors_carry_the_spec_location(string text, int line, int column)
    {
        var error = Assert.Throws<SyntaxException>(() => Parser.Parse(text));
        Assert.Equal(new SourceLocation(line, column), error.Location);
    }

    [Fact]
    public void Schema_definition_language_with_extensions_and_repeatable_directives_parses()
    {
        var document = Parser.Parse("""
            schema { query: Q }
            "desc" directive @tag(name: String!) repeatable on OBJECT | FIELD_DEFINITION
            interface A implements B & C { f(a: Int = 1 @deprecated): [String!]! }
            extend type Q @tag(name: "x")
            extend union U = X | Y
            input I @oneOf { a: Int, b: String }
            enum E { ONE TWO }
            scalar S @specifiedBy(url: "https://example.com")
            """);
        Assert.Equal(8, document.Definitions.Count);
    }
}
