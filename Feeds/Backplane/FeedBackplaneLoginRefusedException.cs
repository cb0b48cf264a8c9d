namespace Feeds.Backplane;

/// <summary>
/// The backplane's database refused this instance's login while it was starting (a wrong user name
/// or password, a database that does not exist): trying again cannot help, so the start fails.
/// </summary>
public sealed class FeedBackplaneLoginRefusedException : Exception
{
    public FeedBackplaneLoginRefusedException()
    {
    }

    public FeedBackplaneLoginRefusedException(string message)
        : base(message)
    {
    }

    public FeedBackplaneLoginRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
