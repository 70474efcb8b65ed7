using System.Text.Json;
using KonnectES.GraphQL.Execution;
using KonnectES.GraphQL.Language.Syntax;
using Microsoft.AspNetCore.Http;

namespace KonnectES.GraphQL.Http;

/// <summary>GraphQL over HTTP: POST with JSON, GET for queries, status codes from <see cref="HttpStatusTable"/>.</summary>
internal static partial class HttpEndpoint
{
    private static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = true };

    public static async Task HandleAsync(HttpContext context, GraphQLServer server)
    {
        var options = server.Options;
        var isGet = HttpMethods.IsGet(context.Request.Method);
        if (!isGet && !HttpMethods.IsPost(context.Request.Method) || isGet && !options.EnableGet)
        {
            context.Response.Headers.Allow = options.EnableGet ? "GET, POST" : "POST";
            await RefuseAsync(context, server, 405, Messages.MethodNotAllowed, MediaTypes.Json);
            return;
        }

        var mediaType = MediaTypes.Negotiate(context.Request.Headers.Accept);
        if (mediaType is null)
        {
            await RefuseAsync(context, server, HttpStatusTable.NotAcceptable, Messages.NotAcceptable, MediaTypes.Json);
            return;
        }

        var (request, problem, status) = isGet ? ReadGet(context.Request) : await ReadPostAsync(context, options);
        if (request is null)
        {
            await RefuseAsync(context, server, status, problem!, mediaType);
            return;
        }

        if (isGet && IsMutation(server.Executor, request))
        {
            context.Response.Headers.Allow = "POST";
            await RefuseAsync(context, server, HttpStatusTable.MutationOverGet, Messages.MutationOverGet, mediaType);
            return;
        }

        ExecutionResult result;
        try
        {
            var requestContext = options.ContextFactory is null
                ? new RequestContext { Services = context.RequestServices, User = context.User }
                : await options.ContextFactory(context);
            result = await server.Executor.ExecuteAsync(request, requestContext, context.RequestAborted);
        }
        catch (GraphQLException e)
        {
            await RefuseAsync(context, server, 403, e.Message, mediaType);
            return;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug must cost one request, never the process; the client learns nothing about it.
            GraphQLLog.RequestFailed(server.Logger, e);
            await RefuseAsync(context, server, 500, Messages.UnexpectedError, mediaType);
            return;
        }

        context.Response.StatusCode = HttpStatusTable.For(result, mediaType == MediaTypes.GraphQLResponse);
        await WriteAsync(context, mediaType, result);
    }

    private static bool IsMutation(RequestExecutor executor, GraphQLRequest request)
    {
        var prepared = executor.PrepareDocument(request.Query);
        if (prepared.Document is null)
        {
            return false;
        }

        foreach (var definition in prepared.Document.Definitions)
        {
            if (definition is OperationDefinitionNode operation && (request.OperationName is null || operation.Name == request.OperationName))
            {
                return operation.Operation != OperationType.Query;
            }
        }

        return false;
    }

    private static async Task WriteAsync(HttpContext context, string mediaType, ExecutionResult result)
    {
        context.Response.ContentType = mediaType + "; charset=utf-8";
        await using (var writer = new Utf8JsonWriter(context.Response.BodyWriter, WriterOptions))
        {
            result.WriteTo(writer);
        }

        await context.Response.BodyWriter.FlushAsync(context.RequestAborted);
    }

    private static Task RefuseAsync(HttpContext context, GraphQLServer server, int status, string message, string mediaType)
    {
        GraphQLLog.RequestRefused(server.Logger, status, message);
        context.Response.StatusCode = status;
        return WriteAsync(context, mediaType, ExecutionResult.RequestError(ResultKind.Refused, new GraphQLError(message)));
    }
}
