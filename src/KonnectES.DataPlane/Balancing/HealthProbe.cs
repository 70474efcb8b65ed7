using System.Collections.Immutable;
using System.Globalization;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using System.Text.RegularExpressions;

namespace KonnectES.DataPlane.Balancing;

/// <summary>
/// One active probe, exactly as lua-resty-healthcheck's <c>run_single_check</c> does it: a TCP connect (success for
/// <c>tcp</c>); for <c>https</c> a TLS handshake with the SNI <c>https_sni</c> or the target's hostname (a failed
/// handshake is a TCP failure); then <c>GET http_path HTTP/1.0</c> with the configured headers and
/// <c>Host: host_header or hostname</c>, judged on the status line alone (an unreadable one counts as status 0, an
/// HTTP failure). Every phase shares <c>timeout</c>; running out of it is a timeout, any other socket error a TCP failure.
/// </summary>
internal static partial class HealthProbe
{
    public static async Task<PeerResult> ProbeAsync(Balancer balancer, BalancerAddress address, CancellationToken cancellationToken)
    {
        var active = balancer.Definition.Healthchecks.Active;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(active.Timeout > 0 ? active.Timeout : 1));
        try
        {
            using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(address.Ip.Trim('[', ']'), address.Port, timeout.Token);
            if (active.Type == "tcp")
            {
                return PeerResult.Connected();
            }

            await using var network = new NetworkStream(socket, ownsSocket: false);
            Stream stream = network;
            if (active.Type is "https" or "grpcs")
            {
                var tls = new SslStream(network, leaveInnerStreamOpen: true);
                stream = tls;
                await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
                {
                    TargetHost = (active.HttpsSni ?? address.Target.Host).Trim('[', ']'),
                    RemoteCertificateValidationCallback = active.HttpsVerifyCertificate ? null : (_, _, _, _) => true,
                }, timeout.Token);
            }

            await using (stream)
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes(Request(balancer, address)), timeout.Token);
                var statusLine = await ReadLineAsync(stream, timeout.Token);
                var match = StatusLine().Match(statusLine ?? "");
                return PeerResult.Response(match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return PeerResult.Timeout();
        }
        catch (Exception ex) when (ex is SocketException or IOException or AuthenticationException)
        {
            return PeerResult.TcpFailure();
        }
    }

    private static string Request(Balancer balancer, BalancerAddress address)
    {
        var active = balancer.Definition.Healthchecks.Active;
        var request = new StringBuilder();
        request.Append(CultureInfo.InvariantCulture, $"GET {active.HttpPath} HTTP/1.0\r\n");
        foreach (var (name, values) in active.Headers ?? ImmutableSortedDictionary<string, ImmutableArray<string>>.Empty)
        {
            foreach (var value in values)
            {
                request.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
            }
        }

        request.Append(CultureInfo.InvariantCulture, $"Host: {balancer.Definition.HostHeader ?? address.Target.Host}\r\n\r\n");
        return request.ToString();
    }

    /// <summary>Reads up to the first line feed (at most 8 KiB); null when the connection closes first.</summary>
    private static async Task<string?> ReadLineAsync(Stream stream, CancellationToken cancellationToken)
    {
        var line = new List<byte>();
        var buffer = new byte[1];
        while (line.Count < 8192)
        {
            if (await stream.ReadAsync(buffer, cancellationToken) == 0)
            {
                return line.Count == 0 ? null : Encoding.ASCII.GetString([.. line]);
            }

            if (buffer[0] == (byte)'\n')
            {
                return Encoding.ASCII.GetString([.. line]).TrimEnd('\r');
            }

            line.Add(buffer[0]);
        }

        return Encoding.ASCII.GetString([.. line]);
    }

    [GeneratedRegex(@"^HTTP/\d+\.\d+\s+(\d+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StatusLine();
}
