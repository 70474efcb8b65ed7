using System.Globalization;

namespace KonnectES.Proxy.Benchmarks;

/// <summary>nginx configurations, written to a run's temp directory and run with <c>nginx -p dir -c nginx.conf</c>.</summary>
internal static class NginxConfigs
{
    /// <summary>The body every target returns: the upstream's, passed through unchanged by each proxy.</summary>
    public const string Body = "hello from the upstream\n";

    /// <summary>The upstream: a fixed small body from memory, no disk, no logging.</summary>
    public static string Upstream(int port) => Wrap($$"""
        server {
            listen 127.0.0.1:{{Port(port)}} backlog=4096;
            location / {
                default_type text/plain;
                return 200 "{{Body.Replace("\n", "\\n", StringComparison.Ordinal)}}";
            }
        }
        """);

    /// <summary>nginx as a reverse proxy with a pool of kept-alive upstream connections (HTTP/1.1, no Connection header).</summary>
    public static string ReverseProxy(int port, int upstreamPort) => Wrap($$"""
        upstream bench_upstream {
            server 127.0.0.1:{{Port(upstreamPort)}};
            keepalive 128;
        }
        server {
            listen 127.0.0.1:{{Port(port)}} backlog=4096;
            location / {
                proxy_pass http://bench_upstream;
                proxy_http_version 1.1;
                proxy_set_header Connection "";
            }
        }
        """);

    public static ChildProcess Start(string name, string config, string runDirectory)
    {
        var prefix = Path.Combine(runDirectory, name);
        Directory.CreateDirectory(Path.Combine(prefix, "logs"));
        File.WriteAllText(Path.Combine(prefix, "nginx.conf"), config);
        return ChildProcess.Start(name, Tools.Require("nginx"), ["-p", prefix, "-c", "nginx.conf"], Path.Combine(runDirectory, name + ".log"));
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static string Wrap(string server) => $$"""
        daemon off;
        master_process on;
        worker_processes auto;
        pid nginx.pid;
        error_log stderr warn;
        events {
            worker_connections 4096;
        }
        http {
            access_log off;
            keepalive_requests 1000000;
            keepalive_timeout 120s;
            client_body_temp_path client_body;
            proxy_temp_path proxy;
        {{server}}
        }
        """;
}
