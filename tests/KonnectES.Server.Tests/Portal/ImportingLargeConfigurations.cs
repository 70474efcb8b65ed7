using System.Text;

namespace KonnectES.Server.Tests.Portal;

public sealed class ImportingLargeConfigurations(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task A_declarative_file_of_more_than_half_a_megabyte_is_imported_through_a_variable()
    {
        await using var host = new PortalHost(database);
        var cp = await host.CreateControlPlaneAsync("large");
        var yaml = new StringBuilder("_format_version: \"3.0\"\nservices:\n");
        for (var s = 0; s < 200; s++)
        {
            yaml.Append(System.Globalization.CultureInfo.InvariantCulture, $"- name: service-{s:D4}\n  url: http://upstream-{s:D4}.internal:8080/api\n  tags: [generated, bulk-import]\n  routes:\n");
            for (var r = 0; r < 25; r++)
            {
                yaml.Append(System.Globalization.CultureInfo.InvariantCulture,
                    $"  - name: route-{s:D4}-{r:D2}\n    paths: [/api/v1/service-{s:D4}/resource-{r:D2}]\n    methods: [GET, POST]\n    strip_path: false\n    tags: [generated, bulk-import]\n");
            }
        }

        Assert.True(yaml.Length > 512 * 1024, $"the document is {yaml.Length} bytes");
        var result = await host.Admin.DataAsync(
            "mutation($cp: ID!, $d: String!) { importConfig(input: {controlPlaneId: $cp, format: YAML, mode: REPLACE, document: $d}) { version errors { code message } } }",
            new { cp, d = yaml.ToString() });

        Assert.Equal(0, result.GetProperty("importConfig").GetProperty("errors").GetArrayLength());
        var counts = await host.Admin.DataAsync(
            "query($cp: ID) { controlPlane(id: $cp) { services(first: 1) { totalCount } routes(first: 1) { totalCount } } }", new { cp });
        Assert.Equal(200, counts.GetProperty("controlPlane").GetProperty("services").GetProperty("totalCount").GetInt32());
        Assert.Equal(5_000, counts.GetProperty("controlPlane").GetProperty("routes").GetProperty("totalCount").GetInt32());
    }
}
