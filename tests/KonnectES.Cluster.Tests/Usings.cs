global using KonnectES.Testing;
global using Xunit;
