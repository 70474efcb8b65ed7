using System.Globalization;
using System.Text;

namespace KonnectES.Postgres;

public sealed partial class PrivatePostgres
{
    private async Task InitialiseAsync(PostgresBinaries binaries, CancellationToken cancellationToken)
    {
        PrivatePostgresLog.Initialising(_logger, binaries.MajorVersion, _dataDirectory);
        Directory.CreateDirectory(_dataDirectory);
        await CommandRunner.ChangeOwnerAsync(_dataDirectory, cancellationToken);
        var result = await CommandRunner.RunAsync(
            binaries.InitDb,
            ["-D", _dataDirectory, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-instructions"],
            asServiceUser: true,
            _dataDirectory,
            cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"initdb failed in {_dataDirectory} (exit {result.ExitCode}). Every parent folder must be readable by the " +
                $"'{CommandRunner.ServiceUser}' user when running as root. Output: {result.Output}");
        }

        var settings = new StringBuilder()
            .AppendLine()
            .AppendLine("# Written by KonnectES.Postgres: a private, loopback-only cluster.")
            .AppendLine("listen_addresses = '127.0.0.1'")
            .AppendLine("unix_socket_directories = ''")
            .AppendLine("max_connections = 300")
            .AppendLine("idle_in_transaction_session_timeout = '5min'");
        if (!_options.Durable)
        {
            settings.AppendLine("fsync = off").AppendLine("synchronous_commit = off").AppendLine("full_page_writes = off");
        }

        foreach (var (name, value) in _options.Settings)
        {
            settings.Append(name).Append(" = '").Append(value.Replace("'", "''", StringComparison.Ordinal)).AppendLine("'");
        }

        await File.AppendAllTextAsync(Path.Combine(_dataDirectory, "postgresql.conf"), settings.ToString(), cancellationToken);
    }

    private async Task StartServerAsync(PostgresBinaries binaries, CancellationToken cancellationToken)
    {
        var timeout = ((int)_options.Timeout.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        const int attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            // A free port can be taken between probing and binding: try another one.
            var port = _options.Port != 0 ? _options.Port : FreePort();
            var result = await CommandRunner.RunAsync(
                binaries.PgCtl,
                ["start", "-D", _dataDirectory, "-l", Path.Combine(_dataDirectory, LogFileName), "-w", "-t", timeout,
                    "-o", $"-p {port.ToString(CultureInfo.InvariantCulture)}"],
                asServiceUser: true,
                _dataDirectory,
                cancellationToken);
            if (result.ExitCode == 0)
            {
                _port = port;
                PrivatePostgresLog.Started(_logger, _dataDirectory, port);
                return;
            }

            var output = result.Output + TailOfServerLog();
            PrivatePostgresLog.StartFailed(_logger, port, attempt, output);
            if (attempt == attempts || _options.Port != 0)
            {
                throw new InvalidOperationException($"pg_ctl start failed for {_dataDirectory} on port {port}: {output}");
            }
        }
    }

    private string TailOfServerLog()
    {
        try
        {
            var lines = File.ReadAllLines(Path.Combine(_dataDirectory, LogFileName));
            return Environment.NewLine + string.Join(Environment.NewLine, lines.TakeLast(10));
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }
}
