global using KonnectES.ControlPlane.Configuration;
global using KonnectES.ControlPlane.Tests.Support;
global using KonnectES.Domain;
global using KonnectES.Testing;
global using Xunit;
