namespace CircuitLoad;

internal enum CircuitState
{
    Starting,
    Connected,
    Failed,
    Disconnected,
}
