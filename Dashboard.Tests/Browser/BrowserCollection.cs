namespace Dashboard.Tests.Browser;

/// <summary>One dashboard server and one browser for all page tests: starting them is the slow part.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<DashboardServer>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
