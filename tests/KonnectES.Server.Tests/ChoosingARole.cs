using KonnectES.Server.Hosting;

namespace KonnectES.Server.Tests;

public sealed class ChoosingARole
{
    [Theory]
    [InlineData(new string[0], "AllInOne", 0)]
    [InlineData(new[] { "--urls", "http://127.0.0.1:9" }, "AllInOne", 2)]
    [InlineData(new[] { "control-plane" }, "ControlPlane", 0)]
    [InlineData(new[] { "data-plane", "--x=1" }, "DataPlane", 1)]
    public void The_first_argument_names_the_role_and_the_rest_goes_to_the_host(string[] args, string expected, int remaining)
    {
        // When
        var ok = ServerRoleParser.TryParse(args, out var role, out var rest);

        // Then
        Assert.True(ok);
        Assert.Equal(Enum.Parse<ServerRole>(expected), role);
        Assert.Equal(remaining, rest.Length);
    }

    [Fact]
    public void An_unknown_role_is_refused()
    {
        // When / Then
        Assert.False(ServerRoleParser.TryParse(["edge"], out _, out _));
    }
}
