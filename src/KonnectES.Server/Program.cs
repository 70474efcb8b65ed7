using KonnectES.Server.Hosting;

if (!ServerRoleParser.TryParse(args, out var role, out var rest))
{
    Console.Error.WriteLine($"Unknown role '{args[0]}'. Usage: KonnectES.Server [control-plane|data-plane] [options]");
    return 2;
}

var builder = WebApplication.CreateBuilder(rest);
if (role == ServerRole.DataPlane)
{
    if (DataPlaneComposition.Validate(builder.Configuration) is { Count: > 0 } problems)
    {
        Console.Error.WriteLine("The data plane cannot start: " + string.Join(" ", problems));
        return 2;
    }

    builder.AddDataPlaneRole();
}
else
{
    builder.AddKonnectES(role);
}

var app = builder.Build();
if (role == ServerRole.DataPlane)
{
    app.UseDataPlane();
}
else
{
    app.MapKonnectES();
}

await app.RunAsync();
return 0;
