namespace KonnectES.Proxy.Benchmarks;

/// <summary>Readiness checks: a target is ready when it answers with the upstream's body.</summary>
internal static class Http
{
    public static HttpClient Client { get; } = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromMinutes(5) };

    public static async Task WaitForBodyAsync(string url, IReadOnlyList<string> headers, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        string last = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                foreach (var header in headers)
                {
                    var parts = header.Split(':', 2);
                    request.Headers.TryAddWithoutValidation(parts[0].Trim(), parts[1].Trim());
                }

                using var response = await Client.SendAsync(request, cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (response.IsSuccessStatusCode && body == NginxConfigs.Body)
                {
                    return;
                }

                last = $"{(int)response.StatusCode}: {body}";
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException($"{url} did not answer with the upstream's body within {timeout.TotalSeconds:N0}s (last: {last})");
    }
}
