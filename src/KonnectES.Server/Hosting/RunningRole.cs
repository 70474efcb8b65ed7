namespace KonnectES.Server.Hosting;

/// <summary>The role this process was started with, as a service.</summary>
internal sealed record RunningRole(ServerRole Role);
