using KonnectES.GraphQL.Execution;
using KonnectES.GraphQL.Types;

namespace KonnectES.GraphQL.Tests;

/// <summary>A to-do list domain used by the engine's tests.</summary>
public static class TodoSchema
{
    public const string Sdl = """
        "A thing to do"
        type Todo implements Node {
          id: ID!
          title: String!
          done: Boolean!
          priority: Priority
          tags: [String!]!
          owner: User
          failing: String
          failingNonNull: String!
        }

        interface Node {
          id: ID!
        }

        type User implements Node {
          id: ID!
          name: String!
        }

        enum Priority {
          LOW
          HIGH
          OLD @deprecated(reason: "Use LOW")
        }

        input NewTodo {
          title: String!
          priority: Priority = LOW
        }

        union SearchResult = Todo | User

        type Query {
          todos(first: Int = 10): [Todo!]!
          todo(id: ID!): Todo
          node(id: ID!): Node
          search(text: String!): [SearchResult!]!
          echo(value: String): String
        }

        type Mutation {
          addTodo(input: NewTodo!): Todo!
        }

        type Subscription {
          todoAdded: Todo!
          ticks: Int!
        }
        """;

    public static Schema Build(List<string>? log = null)
    {
        var users = new[] { new User("u1", "Ada") };
        var todos = new List<Todo>
        {
            new("1", "Write parser", false, "HIGH", ["code"], "u1"),
            new("2", "Write tests", true, "LOW", [], "u1"),
        };
        return new SchemaBuilder()
            .AddTypeDefinitions(Sdl)
            .BindRuntimeType<Todo>("Todo")
            .BindRuntimeType<User>("User")
            .Resolve("Query", "todos", c => todos.Take(c.Argument<int>("first")).ToList())
            .Resolve("Query", "todo", c => todos.FirstOrDefault(t => t.Id == c.Argument<string>("id")))
            .Resolve("Query", "node", c => (object?)todos.FirstOrDefault(t => t.Id == c.Argument<string>("id")) ?? users.FirstOrDefault(u => u.Id == c.Argument<string>("id")))
            .Resolve("Query", "search", c => todos.Cast<object>().Concat(users).ToList())
            .Resolve("Query", "echo", c => c.Argument<string>("value"))
            .Resolve("Todo", "owner", c => users.FirstOrDefault(u => u.Id == c.GetParent<Todo>().OwnerId))
            .Resolve("Todo", "failing", _ => throw new GraphQLException("boom"))
            .Resolve("Todo", "failingNonNull", _ => null)
            .ResolveAsync("Mutation", "addTodo", async c =>
            {
                await Task.Yield();
                var input = c.Argument<Dictionary<string, object?>>("input");
                log?.Add((string)input["title"]!);
                var todo = new Todo((todos.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), (string)input["title"]!, false, (string?)input["priority"], [], null);
                todos.Add(todo);
                return todo;
            })
            .Subscribe("Subscription", "todoAdded", c => Stream(todos, c.CancellationToken))
            .Subscribe("Subscription", "ticks", c => Support.Ticks.StreamAsync(c.CancellationToken))
            .Build();
    }

    private static async IAsyncEnumerable<object?> Stream(List<Todo> todos, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var todo in todos.ToArray())
        {
            await Task.Delay(1, cancellationToken);
            yield return todo;
        }
    }

    public static async Task<string> RunAsync(this Schema schema, string query, IReadOnlyDictionary<string, object?>? variables = null) =>
        (await schema.CreateExecutor().ExecuteAsync(new GraphQLRequest { Query = query, Variables = variables })).ToJson();

    public sealed record Todo(string Id, string Title, bool Done, string? Priority, string[] Tags, string? OwnerId);

    public sealed record User(string Id, string Name);
}
