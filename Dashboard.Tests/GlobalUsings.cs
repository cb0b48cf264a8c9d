global using Dashboard.Tests.Shared;
