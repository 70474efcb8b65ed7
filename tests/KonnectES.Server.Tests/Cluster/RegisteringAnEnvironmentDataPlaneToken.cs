using KonnectES.ControlPlane.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace KonnectES.Server.Tests.Cluster;

public sealed class RegisteringAnEnvironmentDataPlaneToken(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private ClusterHost _host = null!;

    private ApiTokenStore Tokens => _host.Services.GetRequiredService<ApiTokenStore>();

    public async Task InitializeAsync() => _host = await ClusterHost.StartAsync(database);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Registering_the_same_token_twice_stores_it_once_under_its_name()
    {
        var cp = Guid.Parse(await _host.CreateControlPlaneAsync("env-token-twice"));
        var token = "kdp_env_" + Guid.NewGuid().ToString("N");

        var first = await Tokens.RegisterDataPlaneTokenAsync(cp, "environment", token, "system:bootstrap", CancellationToken.None);
        var second = await Tokens.RegisterDataPlaneTokenAsync(cp, "environment", token, "system:bootstrap", CancellationToken.None);

        Assert.True(first);
        Assert.False(second);
        Assert.Equal(cp, await Tokens.AuthenticateDataPlaneAsync(token, CancellationToken.None));
        var stored = Assert.Single(await Tokens.ListDataPlaneTokensAsync(cp, CancellationToken.None));
        Assert.Equal(("environment", "system:bootstrap"), (stored.Name, stored.CreatedBy));
    }

    [Fact]
    public async Task Another_value_under_the_same_name_replaces_the_previous_token()
    {
        var cp = Guid.Parse(await _host.CreateControlPlaneAsync("env-token-changed"));
        var (old, replacement) = ("kdp_old_" + Guid.NewGuid().ToString("N"), "kdp_new_" + Guid.NewGuid().ToString("N"));
        await Tokens.RegisterDataPlaneTokenAsync(cp, "environment", old, "system:bootstrap", CancellationToken.None);

        Assert.True(await Tokens.RegisterDataPlaneTokenAsync(cp, "environment", replacement, "system:bootstrap", CancellationToken.None));

        Assert.Null(await Tokens.AuthenticateDataPlaneAsync(old, CancellationToken.None));
        Assert.Equal(cp, await Tokens.AuthenticateDataPlaneAsync(replacement, CancellationToken.None));
        Assert.Single(await Tokens.ListDataPlaneTokensAsync(cp, CancellationToken.None));
    }

    [Fact]
    public async Task Registering_a_revoked_token_again_restores_it()
    {
        var cp = Guid.Parse(await _host.CreateControlPlaneAsync("env-token-revoked"));
        var token = "kdp_env_" + Guid.NewGuid().ToString("N");
        await Tokens.RegisterDataPlaneTokenAsync(cp, "environment", token, "system:bootstrap", CancellationToken.None);
        Assert.True(await Tokens.RevokeDataPlaneTokenAsync(cp, null, "environment", CancellationToken.None));
        var revoked = await Tokens.AuthenticateDataPlaneAsync(token, CancellationToken.None);

        Assert.True(await Tokens.RegisterDataPlaneTokenAsync(cp, "environment", token, "system:bootstrap", CancellationToken.None));

        Assert.Null(revoked);
        Assert.Equal(cp, await Tokens.AuthenticateDataPlaneAsync(token, CancellationToken.None));
    }

    [Fact]
    public async Task A_token_registered_under_another_name_is_left_alone()
    {
        var cp = Guid.Parse(await _host.CreateControlPlaneAsync("env-token-other-name"));
        var token = "kdp_env_" + Guid.NewGuid().ToString("N");
        await Tokens.RegisterDataPlaneTokenAsync(cp, "environment", token, "system:bootstrap", CancellationToken.None);

        var again = await Tokens.RegisterDataPlaneTokenAsync(cp, "other", token, "system:bootstrap", CancellationToken.None);

        Assert.False(again);
        Assert.Equal("environment", Assert.Single(await Tokens.ListDataPlaneTokensAsync(cp, CancellationToken.None)).Name);
    }
}
