namespace Feeds.Producers;

/// <summary>One alert in an <see cref="AlertState"/>.</summary>
/// <param name="Alert">Its latest raised event: the severity and value it has now.</param>
/// <param name="Since">Unix milliseconds of the event that first raised it.</param>
/// <param name="RaisedValue">The value that first raised it.</param>
public sealed record ActiveAlert(AlertEvent Alert, long Since, double RaisedValue);
