using KonnectES.GraphQL.Execution;
using KonnectES.GraphQL.Types;
using Microsoft.Extensions.Logging;

namespace KonnectES.GraphQL.Http;

/// <summary>The schema's executor and the endpoint options, registered once in DI.</summary>
internal sealed class GraphQLServer(Schema schema, GraphQLServerOptions options, ILoggerFactory loggerFactory)
{
    public RequestExecutor Executor { get; } = schema.CreateExecutor(options.Execution);

    public GraphQLServerOptions Options { get; } = options;

    public ILogger Logger { get; } = loggerFactory.CreateLogger("KonnectES.GraphQL");
}
