using KonnectES.Server.Hosting;

if (!ServerRoleParser.TryParse(args, out var role, out var rest))
{
    Console.Error.WriteLine($"Unknown role '{args[0]}'. Usage: KonnectES.Server [control-plane|data-plane] [options]");
    return 2;
}

if (role == ServerRole.DataPlane)
{
    Console.Error.WriteLine("The data-plane role is not available yet: run without a role (all-in-one) or with 'control-plane'.");
    return 3;
}

var builder = WebApplication.CreateBuilder(rest);
builder.AddKonnectES(role);
var app = builder.Build();
app.MapKonnectES();
await app.RunAsync();
return 0;
