using Dashboard.Tests.Shared;

namespace Dashboard.Tests.Cluster;

/// <summary>
/// The tests that need PostgreSQL share one private server and run one after another, since one of
/// them stops and starts it; each test makes its own database.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}
