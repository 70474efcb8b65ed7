using System.Text.Json;
using KonnectES.GraphQL.Execution;
using KonnectES.GraphQL.Types;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace KonnectES.GraphQL.Http;

internal static partial class HttpEndpoint
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    private static (GraphQLRequest? Request, string? Problem, int Status) ReadGet(HttpRequest http)
    {
        var query = http.Query["query"].ToString();
        if (string.IsNullOrEmpty(query))
        {
            return (null, Messages.MissingQuery, HttpStatusTable.MalformedRequest);
        }

        IReadOnlyDictionary<string, object?>? variables = null;
        IReadOnlyDictionary<string, object?>? extensions = null;
        try
        {
            if (http.Query["variables"].ToString() is { Length: > 0 } variablesText)
            {
                using var document = JsonDocument.Parse(variablesText, DocumentOptions);
                if (!TryMap(document.RootElement, out variables))
                {
                    return (null, Messages.VariablesNotMap, HttpStatusTable.MalformedRequest);
                }
            }

            if (http.Query["extensions"].ToString() is { Length: > 0 } extensionsText)
            {
                using var document = JsonDocument.Parse(extensionsText, DocumentOptions);
                if (!TryMap(document.RootElement, out extensions))
                {
                    return (null, Messages.ExtensionsNotMap, HttpStatusTable.MalformedRequest);
                }
            }
        }
        catch (JsonException)
        {
            return (null, Messages.NotJson, HttpStatusTable.MalformedRequest);
        }

        var operationName = http.Query["operationName"].ToString();
        return (new GraphQLRequest
        {
            Query = query,
            OperationName = operationName.Length == 0 ? null : operationName,
            Variables = variables,
            Extensions = extensions,
        }, null, 200);
    }

    private static async Task<(GraphQLRequest? Request, string? Problem, int Status)> ReadPostAsync(HttpContext context, GraphQLServerOptions options)
    {
        if (!MediaTypes.IsJson(context.Request.ContentType))
        {
            return (null, Messages.UnsupportedContentType, HttpStatusTable.UnsupportedMediaType);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.MaxRequestBodySize;
        }

        if (context.Request.ContentLength > options.MaxRequestBodySize)
        {
            return (null, Messages.BodyTooLarge(options.MaxRequestBodySize), HttpStatusTable.PayloadTooLarge);
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(context.Request.Body, DocumentOptions, context.RequestAborted);
        }
        catch (JsonException)
        {
            return (null, Messages.NotJson, HttpStatusTable.MalformedRequest);
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException)
        {
            return (null, Messages.BodyTooLarge(options.MaxRequestBodySize), HttpStatusTable.PayloadTooLarge);
        }

        using (document)
        {
            return ReadBody(document.RootElement);
        }
    }

    /// <summary>Reads {query, operationName?, variables?, extensions?}; null counts as absent and unknown keys are ignored.</summary>
    internal static (GraphQLRequest? Request, string? Problem, int Status) ReadBody(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return (null, Messages.BodyNotObject, HttpStatusTable.MalformedRequest);
        }

        string? query = null;
        string? operationName = null;
        IReadOnlyDictionary<string, object?>? variables = null;
        IReadOnlyDictionary<string, object?>? extensions = null;
        foreach (var property in body.EnumerateObject())
        {
            var value = property.Value;
            var isNull = value.ValueKind == JsonValueKind.Null;
            switch (property.Name)
            {
                case "query":
                    if (!isNull && value.ValueKind != JsonValueKind.String)
                    {
                        return (null, Messages.QueryNotString, HttpStatusTable.MalformedRequest);
                    }

                    query = isNull ? null : value.GetString();
                    break;
                case "operationName":
                    if (!isNull && value.ValueKind != JsonValueKind.String)
                    {
                        return (null, Messages.OperationNameNotString, HttpStatusTable.MalformedRequest);
                    }

                    operationName = isNull ? null : value.GetString();
                    break;
                case "variables":
                    if (!isNull && !TryMap(value, out variables))
                    {
                        return (null, Messages.VariablesNotMap, HttpStatusTable.MalformedRequest);
                    }

                    break;
                case "extensions":
                    if (!isNull && !TryMap(value, out extensions))
                    {
                        return (null, Messages.ExtensionsNotMap, HttpStatusTable.MalformedRequest);
                    }

                    break;
            }
        }

        if (query is null)
        {
            return (null, Messages.MissingQuery, HttpStatusTable.MalformedRequest);
        }

        return (new GraphQLRequest { Query = query, OperationName = operationName, Variables = variables, Extensions = extensions }, null, 200);
    }

    private static bool TryMap(JsonElement element, out IReadOnlyDictionary<string, object?>? map)
    {
        map = null;
        if (element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        map = (IReadOnlyDictionary<string, object?>)RawValue.FromJson(element)!;
        return true;
    }
}
