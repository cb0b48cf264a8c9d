namespace Dashboard.Tests.Browser;

/// <summary>
/// The drop longer than Blazor keeps a disconnected circuit: four minutes offline, in a collection
/// of its own so that it runs beside every other test instead of adding its length to theirs.
/// </summary>
[CollectionDefinition(Name)]
public sealed class LongDropCollection : ICollectionFixture<DashboardServer>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "long drop";
}
