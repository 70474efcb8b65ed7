using System.Collections.Concurrent;
using KonnectES.GraphQL.Execution;
using KonnectES.GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace KonnectES.GraphQL.Tests.Execution;

public sealed class BatchingWithDataLoaders
{
    private const string Sdl = """
        type Query { users: [User!]! }
        type User { id: ID! name: String! todos: [Todo!]! }
        type Todo { id: ID! title: String! owner: User }
        """;

    private static readonly string[] UserIds = ["u1", "u2", "u3"];

    private readonly BatchLog _log = new();

    private async Task<ExecutionResult> RunAsync(string query, bool failTodos = false)
    {
        var schema = new SchemaBuilder()
            .AddTypeDefinitions(Sdl)
            .Resolve("Query", "users", _ => UserIds.Select(id => new User(id, "User " + id)).ToList())
            .ResolveAsync("User", "todos", async c => await c.DataLoader<TodosByUser>().LoadAsync(c.GetParent<User>().Id, c.CancellationToken))
            .ResolveAsync("Todo", "owner", async c => await c.DataLoader<UserById>().LoadAsync(c.GetParent<Todo>().OwnerId, c.CancellationToken))
            .Build();
        _log.FailTodos = failTodos;
        var services = new ServiceCollection().AddSingleton(_log).BuildServiceProvider();
        return await schema.CreateExecutor().ExecuteAsync(new GraphQLRequest { Query = query }, new RequestContext { Services = services });
    }

    [Fact]
    public async Task A_three_level_query_sends_exactly_one_batch_per_loader_and_level()
    {
        var result = await RunAsync("{ users { name todos { title owner { name todos { title } } } } }");

        Assert.Null(result.Errors);
        Assert.Equal(["todos: u1,u2,u3", "users: u1,u2,u3,missing"], _log.Batches.ToArray());
        Assert.Contains("\"owner\":null", result.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repeated_keys_are_loaded_once_per_request()
    {
        await RunAsync("{ users { a: todos { id } b: todos { title } } }");

        Assert.Equal(["todos: u1,u2,u3"], _log.Batches.ToArray());
    }

    [Fact]
    public async Task A_failed_batch_becomes_one_error_per_waiting_field()
    {
        var result = await RunAsync("{ users { name todos { title } } }", failTodos: true);

        Assert.Equal(3, result.Errors!.Count);
        Assert.All(result.Errors, e => Assert.Equal("todo store down", e.Message));
        Assert.Null(result.Data);
    }

    public sealed record User(string Id, string Name);

    public sealed record Todo(string Id, string Title, string OwnerId);

    public sealed class BatchLog
    {
        public ConcurrentQueue<string> Batches { get; } = new();

        public bool FailTodos { get; set; }
    }

    public sealed class TodosByUser(BatchLog log) : GroupedDataLoader<string, Todo>
    {
        protected override async Task<ILookup<string, Todo>> LoadGroupsAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
        {
            await Task.Delay(5, cancellationToken);
            log.Batches.Enqueue("todos: " + string.Join(",", keys));
            if (log.FailTodos)
            {
                throw new GraphQLException("todo store down");
            }

            return keys.SelectMany(k => new[] { new Todo(k + "-1", "First of " + k, k), new Todo(k + "-2", "Second of " + k, k == "u3" ? "missing" : k) })
                .ToLookup(t => t.OwnerId == "missing" ? "u3" : t.OwnerId);
        }
    }

    public sealed class UserById(BatchLog log) : DataLoader<string, User>
    {
        protected override Task<IReadOnlyDictionary<string, User>> LoadBatchAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
        {
            log.Batches.Enqueue("users: " + string.Join(",", keys));
            IReadOnlyDictionary<string, User> found = keys.Where(k => k != "missing").ToDictionary(k => k, k => new User(k, "User " + k));
            return Task.FromResult(found);
        }
    }
}
