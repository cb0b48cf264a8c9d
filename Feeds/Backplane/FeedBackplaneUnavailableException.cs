namespace Feeds.Backplane;

/// <summary>The backplane cannot give ids or read history now (its database is away); try again shortly.</summary>
public sealed class FeedBackplaneUnavailableException : Exception
{
    public FeedBackplaneUnavailableException()
    {
    }

    public FeedBackplaneUnavailableException(string message)
        : base(message)
    {
    }

    public FeedBackplaneUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
