using System.Net;
using System.Net.Sockets;
using KonnectES.DataPlane.Traffic;
using KonnectES.Domain.Analytics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KonnectES.DataPlane.Tests.Traffic;

public sealed class ReportingTraffic
{
    private static readonly Guid Node = Guid.NewGuid();

    [Fact]
    public async Task A_stopping_reporter_sends_what_it_still_holds()
    {
        await using var controlPlane = await ControlPlane.StartAsync(refusals: 0);
        using var http = controlPlane.Client();
        var recorder = new TrafficRecorder();
        var reporter = Reporter(recorder, new TrafficBuffer(1_000), http, new TrafficOptions { FlushInterval = TimeSpan.FromHours(1) });
        using var stopping = new CancellationTokenSource();
        var running = reporter.RunAsync(stopping.Token);
        for (var i = 0; i < 3; i++)
        {
            recorder.Record(Request(200));
        }

        recorder.Record(Request(401));

        await stopping.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(10));

        var report = Assert.Single(controlPlane.Reports);
        Assert.Equal(4, report.Rows.Sum(r => r.Count));
        Assert.Equal(3, report.Rows.Single(r => r.Status == 200).Count);
        Assert.Equal(1, reporter.Sent);
    }

    [Fact]
    public async Task A_stopping_reporter_gives_up_after_its_shutdown_timeout_when_the_control_plane_is_gone()
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://10.255.255.1:{FreePort()}/") };
        var recorder = new TrafficRecorder();
        var buffer = new TrafficBuffer(1_000);
        var reporter = Reporter(recorder, buffer, http, new TrafficOptions { FlushInterval = TimeSpan.FromHours(1), ShutdownFlushTimeout = TimeSpan.FromMilliseconds(300) });
        using var stopping = new CancellationTokenSource();
        var running = reporter.RunAsync(stopping.Token);
        recorder.Record(Request(200));

        await stopping.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(1, buffer.Count);
        Assert.Equal(0, reporter.Sent);
    }

    [Fact]
    public async Task A_refused_report_is_sent_again_with_the_same_id_and_later_requests_go_in_a_new_report()
    {
        await using var controlPlane = await ControlPlane.StartAsync(refusals: 1);
        using var http = controlPlane.Client();
        var recorder = new TrafficRecorder();
        var buffer = new TrafficBuffer(1_000);
        var reporter = Reporter(recorder, buffer, http, new TrafficOptions());
        recorder.Record(Request(200));
        recorder.Record(Request(500));

        Assert.False(await reporter.FlushAsync(CancellationToken.None));
        Assert.Equal(1, buffer.Count);

        recorder.Record(Request(200));
        Assert.True(await reporter.FlushAsync(CancellationToken.None));

        Assert.Equal(0, buffer.Count);
        Assert.Equal(3, controlPlane.Reports.Count);
        Assert.Equal(controlPlane.Reports[0].ReportId, controlPlane.Reports[1].ReportId);
        Assert.NotEqual(controlPlane.Reports[1].ReportId, controlPlane.Reports[2].ReportId);
        Assert.Equal(2, controlPlane.Reports[1].Rows.Sum(r => r.Count));
        Assert.Equal(1, controlPlane.Reports[2].Rows.Sum(r => r.Count));
        Assert.Equal(2, reporter.Sent);
    }

    [Theory]
    [InlineData(null, 10_000)]
    [InlineData("", 10_000)]
    [InlineData("1", 1_000)]
    [InlineData("0.25", 250)]
    [InlineData("60", 60_000)]
    public void The_report_interval_is_read_from_KONNECTES_TRAFFIC_FLUSH_SECONDS(string? setting, int expectedMs)
    {
        var options = new TrafficOptions().FromSettings(name => name == "KONNECTES_TRAFFIC_FLUSH_SECONDS" ? setting : null);

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), options.FlushInterval);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("ten")]
    [InlineData("NaN")]
    public void A_report_interval_that_is_not_a_positive_number_of_seconds_is_refused(string setting)
    {
        var error = Assert.Throws<FormatException>(() => new TrafficOptions().FromSettings(name => name == "KONNECTES_TRAFFIC_FLUSH_SECONDS" ? setting : null));

        Assert.Contains("KONNECTES_TRAFFIC_FLUSH_SECONDS", error.Message, StringComparison.Ordinal);
    }

    private static TrafficReporter Reporter(TrafficRecorder recorder, TrafficBuffer buffer, HttpClient http, TrafficOptions options) =>
        new(recorder, buffer, http, () => Node, options, NullLogger<TrafficReporter>.Instance);

    private static ProxiedRequest Request(int status) =>
        new(DateTimeOffset.UtcNow, Guid.Empty, "svc", Guid.Empty, "route", null, status, 10, 100, 2, 1);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A real <c>POST /v1/traffic</c> on a free loopback port that keeps every report it is sent and refuses the first ones.</summary>
    private sealed class ControlPlane : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly List<TrafficReport> _reports = [];
        private int _refusals;

        private ControlPlane(WebApplication app, int port, int refusals)
        {
            _app = app;
            Port = port;
            _refusals = refusals;
        }

        public int Port { get; }

        /// <summary>Every report received, refused ones included, in order.</summary>
        public IReadOnlyList<TrafficReport> Reports
        {
            get
            {
                lock (_reports)
                {
                    return [.. _reports];
                }
            }
        }

        public static async Task<ControlPlane> StartAsync(int refusals)
        {
            var port = FreePort();
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
            var app = builder.Build();
            var controlPlane = new ControlPlane(app, port, refusals);
            app.MapPost("/v1/traffic", controlPlane.ReceiveAsync);
            await app.StartAsync();
            return controlPlane;
        }

        public HttpClient Client() => new() { BaseAddress = new Uri($"http://127.0.0.1:{Port}/") };

        public ValueTask DisposeAsync() => _app.DisposeAsync();

        private async Task ReceiveAsync(HttpContext context)
        {
            using var reader = new StreamReader(context.Request.Body);
            var report = TrafficReportJson.Deserialize(await reader.ReadToEndAsync(context.RequestAborted));
            lock (_reports)
            {
                _reports.Add(report);
            }

            context.Response.StatusCode = Interlocked.Decrement(ref _refusals) >= 0 ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status204NoContent;
        }
    }
}
