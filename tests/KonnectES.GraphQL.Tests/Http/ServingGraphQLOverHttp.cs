using System.Net;
using System.Net.Http.Headers;
using System.Text;
using KonnectES.GraphQL.Tests.Support;

namespace KonnectES.GraphQL.Tests.Http;

public sealed class ServingGraphQLOverHttp : IAsyncLifetime
{
    private TestServer _server = null!;
    private readonly HttpClient _client = new();

    public async Task InitializeAsync() => _server = await TestServer.StartAsync(configure: o => o.MaxRequestBodySize = 4096);

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    private async Task<HttpResponseMessage> PostAsync(string body, string accept = "application/graphql-response+json", string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _server.Url) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Accept.ParseAdd(accept);
        return await _client.SendAsync(request);
    }

    [Fact]
    public async Task A_query_succeeds_with_the_negotiated_media_type()
    {
        using var response = await PostAsync("""{"query":"{ todo(id: 1) { title } }"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/graphql-response+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("""{"data":{"todo":{"title":"Write parser"}}}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_validation_error_is_400_without_data_for_graphql_response_json_and_200_for_json()
    {
        using var modern = await PostAsync("""{"query":"{ nope }"}""");
        using var legacy = await PostAsync("""{"query":"{ nope }"}""", accept: "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, modern.StatusCode);
        Assert.DoesNotContain("\"data\"", await modern.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, legacy.StatusCode);
    }

    [Fact]
    public async Task A_mutation_over_get_is_405_and_allows_post()
    {
        using var response = await _client.GetAsync(_server.Url + "?query=" + Uri.EscapeDataString("mutation { addTodo(input: {title: \"x\"}) { id } }"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("POST", string.Join(",", response.Content.Headers.Allow));
    }

    [Fact]
    public async Task A_form_post_is_refused_with_415()
    {
        using var response = await PostAsync("query=%7B__typename%7D", contentType: "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task An_unacceptable_accept_header_is_406()
    {
        using var response = await PostAsync("""{"query":"{ __typename }"}""", accept: "text/html");

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413()
    {
        using var response = await PostAsync("{\"query\":\"{ __typename }\",\"x\":\"" + new string('a', 5000) + "\"}");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_hostile_document_over_http_is_refused_and_the_server_keeps_serving()
    {
        using var hostile = await PostAsync("{\"query\":\"" + new string('[', 3000) + "\"}");
        using var after = await PostAsync("""{"query":"{ __typename }"}""");

        Assert.Equal(HttpStatusCode.BadRequest, hostile.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }
}
