namespace KonnectES.GraphQL.Tests.Execution;

public sealed class ExecutingQueries
{
    private readonly KonnectES.GraphQL.Types.Schema _schema = TodoSchema.Build();

    [Fact]
    public async Task Fields_come_back_in_the_order_they_were_selected()
    {
        var json = await _schema.RunAsync("{ todos { title id done } }");
        Assert.Equal("""{"data":{"todos":[{"title":"Write parser","id":"1","done":false},{"title":"Write tests","id":"2","done":true}]}}""", json);
    }

    [Fact]
    public async Task Arguments_defaults_and_aliases_apply()
    {
        var json = await _schema.RunAsync("{ one: todos(first: 1) { id } t: todo(id: 2) { title priority } }");
        Assert.Equal("""{"data":{"one":[{"id":"1"}],"t":{"title":"Write tests","priority":"LOW"}}}""", json);
    }

    [Fact]
    public async Task A_field_error_nulls_the_field_and_records_path_and_location()
    {
        var json = await _schema.RunAsync("{ todo(id: 1) { id failing } }");
        Assert.Equal("""{"errors":[{"message":"boom","locations":[{"line":1,"column":20}],"path":["todo","failing"]}],"data":{"todo":{"id":"1","failing":null}}}""", json);
    }

    [Fact]
    public async Task A_null_in_a_non_null_field_propagates_to_the_nearest_nullable_parent()
    {
        var json = await _schema.RunAsync("{ todo(id: 1) { id failingNonNull } echo(value: \"x\") }");
        Assert.Equal("""{"errors":[{"message":"Cannot return null for non-nullable field Todo.failingNonNull.","locations":[{"line":1,"column":20}],"path":["todo","failingNonNull"]}],"data":{"todo":null,"echo":"x"}}""", json);
    }

    [Fact]
    public async Task A_null_reaching_the_root_makes_data_null()
    {
        var json = await _schema.RunAsync("{ todos { failingNonNull } }");
        Assert.StartsWith("""{"errors":[{"message":"Cannot return null for non-nullable field Todo.failingNonNull.""", json);
        Assert.EndsWith("\"data\":null}", json);
    }

    [Fact]
    public async Task Abstract_types_resolve_by_runtime_type_and_typename_works_everywhere()
    {
        var json = await _schema.RunAsync("{ __typename search(text: \"a\") { __typename ... on User { name } ... on Todo { title } } node(id: \"u1\") { id ... on User { name } } }");
        Assert.Equal("""{"data":{"__typename":"Query","search":[{"__typename":"Todo","title":"Write parser"},{"__typename":"Todo","title":"Write tests"},{"__typename":"User","name":"Ada"}],"node":{"id":"u1","name":"Ada"}}}""", json);
    }

    [Fact]
    public async Task Skip_and_include_follow_variables()
    {
        var json = await _schema.RunAsync("query($s: Boolean!) { todo(id: 1) { id @skip(if: $s) title @include(if: $s) } }", new Dictionary<string, object?> { ["s"] = true });
        Assert.Equal("""{"data":{"todo":{"title":"Write parser"}}}""", json);
    }

    [Fact]
    public async Task A_missing_non_null_variable_is_a_request_error_without_data()
    {
        var json = await _schema.RunAsync("query($id: ID!) { todo(id: $id) { id } }");
        Assert.DoesNotContain("\"data\"", json);
        Assert.Contains("$id", json);
    }

    [Fact]
    public async Task Mutation_root_fields_run_one_after_another_in_document_order()
    {
        var log = new List<string>();
        var schema = TodoSchema.Build(log);
        var json = await schema.RunAsync("mutation { a: addTodo(input: {title: \"A\"}) { id priority } b: addTodo(input: {title: \"B\", priority: HIGH}) { id priority } }");
        Assert.Equal("""{"data":{"a":{"id":"3","priority":"LOW"},"b":{"id":"4","priority":"HIGH"}}}""", json);
        Assert.Equal(["A", "B"], log);
    }

    [Fact]
    public async Task Subscriptions_run_the_selection_set_for_every_event()
    {
        var executor = _schema.CreateExecutor();
        var result = await executor.SubscribeAsync(new KonnectES.GraphQL.Execution.GraphQLRequest { Query = "subscription { todoAdded { title } }" });
        var events = new List<string>();
        await foreach (var item in result.Stream!)
        {
            events.Add(item.ToJson());
        }

        Assert.Equal(["""{"data":{"todoAdded":{"title":"Write parser"}}}""", """{"data":{"todoAdded":{"title":"Write tests"}}}"""], events);
    }
}
