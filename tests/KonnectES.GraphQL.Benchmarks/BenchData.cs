using KonnectES.GraphQL.Execution;
using KonnectES.GraphQL.Types;

namespace KonnectES.GraphQL.Benchmarks;

/// <summary>The same schema, data and queries as js/bench-data.mjs.</summary>
internal static class BenchData
{
    public const string Sdl = """
        type Query { items: [Item!]! users: [User!]! }
        type Item { id: ID! name: String! price: Float! count: Int! active: Boolean! tag: String! a: String! b: String! c: Int! d: Float! }
        type User { id: ID! name: String! todos: [Todo!]! }
        type Todo { id: ID! title: String! ownerId: ID! owner: User }
        """;

    public const string FlatQuery = "{ items { id name price count active tag a b c d } }";

    public const string NestedQuery = "{ users { id name todos { id title owner { id name } } } }";

    public static readonly Item[] Items = Enumerable.Range(0, 1000)
        .Select(i => new Item(i.ToString(System.Globalization.CultureInfo.InvariantCulture), $"item {i}", i * 1.5, i, i % 2 == 0, $"t{i % 7}", $"a{i}", $"b{i}", i * 3, i / 4.0))
        .ToArray();

    public static readonly User[] Users = Enumerable.Range(0, 100).Select(i => new User($"u{i}", $"user {i}")).ToArray();

    public static readonly Todo[] Todos = Enumerable.Range(0, 1000).Select(i => new Todo($"t{i}", $"todo {i}", $"u{i % 100}")).ToArray();

    public static Schema BuildSchema() => new SchemaBuilder()
        .AddTypeDefinitions(Sdl)
        .Resolve("Query", "items", _ => Items)
        .Resolve("Query", "users", _ => Users)
        .ResolveAsync("User", "todos", c => c.DataLoader<TodosByUser>().LoadAsync(c.GetParent<User>().Id, c.CancellationToken))
        .ResolveAsync("Todo", "owner", c => c.DataLoader<UserById>().LoadAsync(c.GetParent<Todo>().OwnerId, c.CancellationToken))
        .Build();

    internal sealed record Item(string Id, string Name, double Price, int Count, bool Active, string Tag, string A, string B, int C, double D);

    internal sealed record User(string Id, string Name);

    internal sealed record Todo(string Id, string Title, string OwnerId);

    internal sealed class TodosByUser : GroupedDataLoader<string, Todo>
    {
        protected override Task<ILookup<string, Todo>> LoadGroupsAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
        {
            var wanted = keys.ToHashSet(StringComparer.Ordinal);
            return Task.FromResult(Todos.Where(t => wanted.Contains(t.OwnerId)).ToLookup(t => t.OwnerId));
        }
    }

    internal sealed class UserById : DataLoader<string, User>
    {
        private static readonly Dictionary<string, User> ById = Users.ToDictionary(u => u.Id);

        protected override Task<IReadOnlyDictionary<string, User>> LoadBatchAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
        {
            IReadOnlyDictionary<string, User> found = keys.Where(ById.ContainsKey).ToDictionary(k => k, k => ById[k]);
            return Task.FromResult(found);
        }
    }
}
