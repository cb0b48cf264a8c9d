namespace Feeds.Transports;

/// <summary>Marks an endpoint that holds a long-lived stream, so the stream limits count it.</summary>
internal sealed class StreamEndpointMetadata
{
    public static readonly StreamEndpointMetadata Instance = new();

    private StreamEndpointMetadata()
    {
    }
}
