global using KonnectES.Domain;
global using KonnectES.Projections.Tests.Support;
global using KonnectES.Testing;
global using Xunit;
