using System.Net;
using System.Text.Json;
using KonnectES.EndToEnd.Tests.Support;

namespace KonnectES.EndToEnd.Tests;

/// <summary>
/// A data plane depends on its control plane only for changes: it keeps serving when the control plane dies, and a
/// restarted data plane serves its cached last good snapshot until the control plane is back.
/// </summary>
public sealed class SurvivingAControlPlaneOutage(Platform platform) : IClassFixture<Platform>
{
    [Fact]
    public async Task The_data_plane_serves_through_an_outage_and_after_its_own_restart_from_its_cache()
    {
        // Given a configuration served by the data plane
        var version = await platform.ConfigureAsync($"""
            _format_version: "3.0"
            services:
            - name: durable
              url: http://{platform.A.Address}/kept
              routes:
              - name: durable
                paths: ["/durable"]
            """);

        // When the control plane is killed
        await platform.KillControlPlaneAsync();

        // Then the data plane keeps serving
        Assert.Equal("/kept/x", await PathThroughProxyAsync("/durable/x"));

        // When the data plane restarts while the control plane is still down
        await platform.KillDataPlaneAsync();
        await platform.StartDataPlaneAsync();

        // Then it serves the cached snapshot
        await platform.WaitForVersionAsync(version);
        Assert.Equal("/kept/y", await PathThroughProxyAsync("/durable/y"));
        var status = await platform.StatusAsync();
        Assert.Equal("disconnected", status.GetProperty("sync").GetProperty("state").GetString());

        // And when the control plane comes back, changes flow again
        await platform.StartControlPlaneAsync();
        var next = await platform.ConfigureAsync($"""
            _format_version: "3.0"
            services:
            - name: durable
              url: http://{platform.B.Address}/moved
              routes:
              - name: durable
                paths: ["/durable"]
            """);
        Assert.True(next > version);
        Assert.Equal("/moved/z", await PathThroughProxyAsync("/durable/z"));
    }

    private async Task<string?> PathThroughProxyAsync(string path)
    {
        using var response = await platform.Proxy.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}\n{platform.Logs}");
        return JsonDocument.Parse(body).RootElement.GetProperty("path").GetString();
    }
}
