using System.Text.Json;
using KonnectES.EndToEnd.Tests.Support;

namespace KonnectES.EndToEnd.Tests;

/// <summary>
/// A data-plane process's health checks, reported through its heartbeats and shown by the control-plane process's
/// portal as <c>Upstream.health</c>, per data plane.
/// </summary>
public sealed class ShowingTargetHealthInThePortal(Platform platform) : IClassFixture<Platform>
{
    private const string UpstreamHealth =
        "query($n: String!) { controlPlane(name: \"default\") { upstream(name: $n) { health { target health dataPlaneId } } } }";

    [Fact]
    public async Task A_target_failing_active_health_checks_shows_unhealthy_for_its_data_plane_then_healthy_after_it_recovers()
    {
        // Given an upstream of two targets checked every second, served by the data plane
        await platform.ConfigureAsync($"""
            _format_version: "3.0"
            services:
            - name: watched
              host: watched-pool
              routes:
              - name: watched
                paths: ["/watched"]
            upstreams:
            - name: watched-pool
              healthchecks:
                active:
                  type: http
                  http_path: /health
                  timeout: 1
                  healthy:
                    interval: 1
                    successes: 1
                  unhealthy:
                    interval: 1
                    http_failures: 1
                    tcp_failures: 1
                    timeouts: 1
              targets:
              - target: {platform.B.Address}
              - target: {platform.C.Address}
            """);
        var dataPlane = (await platform.Portal.DataPlanesAsync("default")).GetProperty("dataPlanes").EnumerateArray().Single().GetProperty("id").GetString();

        try
        {
            // Then both targets show healthy for that data plane
            var healthy = await HealthEventuallyAsync(h => h.Count == 2 && h.All(t => t.Health == "HEALTHY"), "the targets never showed healthy");
            Assert.All(healthy, h => Assert.Equal(dataPlane, h.DataPlane));

            // When c's health endpoint fails, the portal shows c unhealthy and b still healthy
            platform.C.Failing = true;
            var failing = await HealthEventuallyAsync(h => h.Any(t => t.Target == platform.C.Address && t.Health == "UNHEALTHY"), "c never showed unhealthy");
            Assert.Equal(
                [(platform.B.Address, "HEALTHY", dataPlane), (platform.C.Address, "UNHEALTHY", dataPlane)],
                failing.OrderBy(h => h.Target == platform.B.Address ? 0 : 1));

            // When it recovers, it shows healthy again
            platform.C.Failing = false;
            var recovered = await HealthEventuallyAsync(h => h.Count == 2 && h.All(t => t.Health == "HEALTHY"), "c never showed healthy again");
            Assert.Contains((platform.C.Address, "HEALTHY", dataPlane), recovered);
        }
        finally
        {
            platform.C.Failing = false;
        }
    }

    private async Task<List<(string Target, string Health, string? DataPlane)>> HealthEventuallyAsync(
        Func<List<(string Target, string Health, string? DataPlane)>, bool> condition, string failure)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        var health = new List<(string Target, string Health, string? DataPlane)>();
        while (DateTime.UtcNow < deadline)
        {
            var data = await platform.Portal.DataAsync(UpstreamHealth, new { n = "watched-pool" });
            health = [.. data.GetProperty("controlPlane").GetProperty("upstream").GetProperty("health").EnumerateArray()
                .Select(h => (h.GetProperty("target").GetString()!, h.GetProperty("health").GetString()!, h.GetProperty("dataPlaneId").GetString()))];
            if (condition(health))
            {
                return health;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"{failure}; the portal shows {JsonSerializer.Serialize(health)}\n{platform.Logs}");
        return health;
    }
}
