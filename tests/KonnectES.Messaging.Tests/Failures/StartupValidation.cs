using KonnectES.Messaging.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KonnectES.Messaging.Tests.Failures;

public sealed class StartupValidation
{
    [Fact]
    public async Task Invalid_options_stop_the_host_from_starting()
    {
        // Given
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddMessaging(o =>
        {
            o.Schema = "Not A Schema";
            o.Relay.BatchSize = 0;
            o.Retry.MaxAttempts = 0;
        });
        using var host = builder.Build();

        // When
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        // Then
        Assert.Contains(error.Failures, f => f.Contains("ConnectionString", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("Schema", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("BatchSize", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("MaxAttempts", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_handler_for_an_unnamed_message_type_stops_the_host_from_starting()
    {
        // Given
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton<Ledger>();
        builder.Services.AddMessaging(o => o.ConnectionString = "Host=127.0.0.1").AddHandler<PriceChanged, PriceChangedHandler>();
        using var host = builder.Build();

        // When
        var error = await Assert.ThrowsAsync<UnknownMessageTypeException>(() => host.StartAsync());

        // Then
        Assert.Contains("AddMessageType<PriceChanged>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_documented_defaults_hold()
    {
        // When
        var options = new MessagingOptions();

        // Then
        Assert.Equal("kes_messaging", options.Schema);
        Assert.Equal(TimeSpan.FromSeconds(1), options.Relay.PollInterval);
        Assert.Equal(TimeSpan.FromSeconds(10), options.Relay.ClaimLease);
        Assert.Equal(5, options.Retry.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(2), options.Nodes.HeartbeatInterval);
        Assert.True(options.RunRelay);
    }
}
