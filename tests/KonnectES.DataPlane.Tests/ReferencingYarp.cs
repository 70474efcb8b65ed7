namespace KonnectES.DataPlane.Tests;

public sealed class ReferencingYarp
{
    [Fact]
    public void The_forwarder_comes_from_the_downloaded_yarp_assembly()
    {
        var assembly = YarpAvailability.Forwarder.Assembly.GetName();
        Assert.Equal("Yarp.ReverseProxy", assembly.Name);
        Assert.Equal(new Version(2, 1, 0, 0), assembly.Version);
    }
}
