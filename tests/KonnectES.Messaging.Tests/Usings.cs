global using KonnectES.Messaging.TestHost;
global using KonnectES.Testing;
global using Xunit;
