namespace Dashboard.Tests.Browser;

/// <summary>
/// The drops of up to a minute and the server restart: a server and a browser of their own, so
/// these waits run beside the other page tests rather than after them.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RecoveryCollection : ICollectionFixture<DashboardServer>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "recovery";
}
