using System.Runtime.InteropServices;

namespace FeedLoad.Wire;

/// <summary>
/// Linux epoll, called directly, so that a connection reads once per event: an awaited
/// Socket.ReceiveAsync also tries a read that fails (EAGAIN) before every wait, doubling the
/// system calls that are most of the client's cost.
/// </summary>
internal static class Epoll
{
    public const uint In = 0x001;
    public const uint Out = 0x004;
    public const uint RdHup = 0x2000;

    public const int Add = 1;
    public const int Delete = 2;
    public const int Modify = 3;

    private const int CloseOnExec = 0x80000;

    /// <summary>struct epoll_event, which x86-64 packs to 12 bytes: the data begins at byte 4.</summary>
    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    public struct Event
    {
        public uint Events;
        public nint Data;
    }

    public static int Create()
    {
        if (RuntimeInformation.ProcessArchitecture != Architecture.X64)
        {
            // Other architectures lay out epoll_event differently; FeedLoad is built for linux-x64 only.
            throw new PlatformNotSupportedException("FeedLoad's epoll loop is written for x86-64 Linux.");
        }

        var epoll = Create1(CloseOnExec);
        return epoll >= 0 ? epoll : throw new InvalidOperationException($"epoll_create1 failed: errno {Marshal.GetLastPInvokeError()}");
    }

    /// <summary>Adds, changes or removes <paramref name="fd"/>; an error is the errno, 0 on success.</summary>
    public static int Control(int epoll, int operation, int fd, uint events, nint data)
    {
        var item = new Event { Events = events, Data = data };
        return Ctl(epoll, operation, fd, ref item) == 0 ? 0 : Marshal.GetLastPInvokeError();
    }

    /// <summary>Waits up to <paramref name="timeoutMs"/> for ready sockets; a signal interrupting the wait counts as none.</summary>
    public static int Wait(int epoll, Event[] events, int timeoutMs) => Math.Max(0, WaitCore(epoll, events, events.Length, timeoutMs));

    [DllImport("libc", EntryPoint = "epoll_create1", SetLastError = true)]
    private static extern int Create1(int flags);

    [DllImport("libc", EntryPoint = "epoll_ctl", SetLastError = true)]
    private static extern int Ctl(int epoll, int operation, int fd, ref Event item);

    [DllImport("libc", EntryPoint = "epoll_wait", SetLastError = true)]
    private static extern int WaitCore(int epoll, [Out] Event[] events, int maxEvents, int timeoutMs);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    public static extern int Close(int fd);
}
