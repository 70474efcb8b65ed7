namespace KonnectES.Postgres;

/// <summary>Exit code and combined output of one tool run.</summary>
internal sealed record CommandResult(int ExitCode, string Output);
