using KonnectES.GraphQL.Execution;
using KonnectES.GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace KonnectES.GraphQL.Tests.Types;

public sealed class BuildingSchemas
{
    [Fact]
    public async Task A_code_first_schema_with_typed_resolvers_executes()
    {
        var schema = new SchemaBuilder()
            .Query(q => q
                .Field("greeting", "String!", f => f
                    .Description("Says hello")
                    .Argument("name", "String!", defaultValue: "\"world\"")
                    .Resolve(c => "hello " + c.Argument<string>("name")))
                .Field("count", "Int", f => f.ResolveAsync(async c =>
                {
                    await Task.Delay(1, c.CancellationToken);
                    return 42;
                })))
            .Build();

        Assert.Equal("""{"data":{"greeting":"hello world","count":42}}""", await schema.RunAsync("{ greeting count }"));
    }

    [Fact]
    public void Code_first_types_print_as_sdl_and_extend_sdl_types()
    {
        var schema = new SchemaBuilder()
            .AddTypeDefinitions("type Query { a: Int }")
            .Query(q => q.Field("b", "[String!]", f => f.Deprecated("use a")))
            .Object("Thing", t => t.Description("A thing").Field("id", "ID!"))
            .Query(q => q.Field("thing", "Thing"))
            .Build();

        Assert.Equal(""""
            type Query {
              a: Int
              b: [String!] @deprecated(reason: "use a")
              thing: Thing
            }

            """A thing"""
            type Thing {
              id: ID!
            }
            """", schema.ToSdl());
    }

    [Fact]
    public void A_resolver_bound_to_a_missing_field_is_a_schema_error()
    {
        var builder = new SchemaBuilder().AddTypeDefinitions("type Query { a: Int }").Resolve("Query", "b", _ => 1);

        var error = Assert.Throws<SchemaException>(() => builder.Build());

        Assert.Contains("\"Query.b\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_implementation_with_an_incompatible_field_type_is_a_schema_error()
    {
        var builder = new SchemaBuilder().AddTypeDefinitions("""
            interface Named { name: String! }
            type Pet implements Named { name: Int }
            type Query { pet: Pet }
            """);

        var error = Assert.Throws<SchemaException>(() => builder.Build());

        Assert.Contains("Pet.name must return a type compatible with Named.name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_input_object_needing_itself_through_non_null_fields_is_a_schema_error()
    {
        var builder = new SchemaBuilder().AddTypeDefinitions("""
            input A { b: B! }
            input B { a: A! }
            type Query { f(a: A): Int }
            """);

        var error = Assert.Throws<SchemaException>(() => builder.Build());

        Assert.Contains("references itself through non-null fields", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_library_scalars_are_ready_to_use_and_expose_specified_by()
    {
        var schema = new SchemaBuilder()
            .AddTypeDefinitions("type Query { at: DateTime data: JSON }")
            .AddScalar(Scalars.DateTime)
            .AddScalar(Scalars.Json)
            .Build();

        Assert.Contains("scalar DateTime @specifiedBy(url: \"https://scalars.graphql.org/andimarek/date-time\")", schema.ToSdl(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enums_bind_to_clr_enums_and_input_objects_bind_to_records()
    {
        var schema = new SchemaBuilder()
            .AddTypeDefinitions("""
                enum Status { IN_PROGRESS DONE }
                input Filter { status: Status! limit: Int = 5 }
                type Query { echo(filter: Filter!): String! status: Status! }
                """)
            .BindEnum<Status>("Status")
            .Resolve("Query", "echo", c => c.Argument<FilterInput>("filter").ToString())
            .Resolve("Query", "status", _ => Status.InProgress)
            .Build();

        Assert.Equal(
            """{"data":{"echo":"FilterInput { Status = Done, Limit = 5 }","status":"IN_PROGRESS"}}""",
            await schema.RunAsync("{ echo(filter: {status: DONE}) status }"));
    }

    [Fact]
    public async Task Services_user_items_and_the_token_reach_resolvers()
    {
        var schema = new SchemaBuilder()
            .Query(q => q.Field("who", "String", f => f.Resolve(c =>
                $"{c.User?.Identity?.Name}/{c.Items["tenant"]}/{c.Services.GetService(typeof(string))}/{c.CancellationToken.CanBeCanceled}")))
            .Build();
        var context = new RequestContext
        {
            User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity([new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Name, "ada")], "test")),
            Items = { ["tenant"] = "t1" },
            Services = new ServiceCollection().AddSingleton("svc").BuildServiceProvider(),
        };
        using var cancellation = new CancellationTokenSource();

        var result = await schema.CreateExecutor().ExecuteAsync(new GraphQLRequest { Query = "{ who }" }, context, cancellation.Token);

        Assert.Equal("""{"data":{"who":"ada/t1/svc/True"}}""", result.ToJson());
    }

    public enum Status
    {
        InProgress,
        Done,
    }

    public sealed record FilterInput(Status Status, int Limit);
}
