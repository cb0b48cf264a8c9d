namespace Dashboard.Demos;

/// <summary>The client's address, the key the demo limits count by; behind a proxy configure forwarded headers.</summary>
internal static class DemoClient
{
    public static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
