using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;

namespace Dashboard.Circuits;

/// <summary>
/// One circuit's link to its browser, for the live widgets' interop calls. A call on the wire
/// when the link drops is lost, and would wait out Blazor's interop timeout holding the
/// widget's updates behind it, then fail the circuit; here every such call ends when the link
/// drops, and the widget learns it must redraw from the relay's window once the link is back.
/// </summary>
internal sealed class CircuitConnection(IOptions<CircuitOptions> options) : CircuitHandler, IDisposable
{
    private CancellationTokenSource _up = new();

    /// <summary>False from the moment the browser's connection drops until it is back.</summary>
    public bool IsUp { get; private set; } = true;

    /// <summary>
    /// Calls <paramref name="identifier"/> on <paramref name="module"/>. False when the call was
    /// dropped because the circuit's connection went away (or was already gone): what it carried
    /// never reached the browser. Any other failure, a timeout on a live connection included, throws.
    /// </summary>
    public async Task<bool> TryInvokeVoidAsync(IJSObjectReference module, string identifier, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(module);
        var up = _up.Token;
        if (up.IsCancellationRequested)
        {
            return false;
        }

        // Passing a token turns Blazor's own timeout off: this keeps it.
        using var call = CancellationTokenSource.CreateLinkedTokenSource(up);
        call.CancelAfter(options.Value.JSInteropDefaultCallTimeout);
        try
        {
            // Ended here too, whether or not the runtime honours the token for a call on the wire.
            await module.InvokeVoidAsync(identifier, call.Token, args).AsTask().WaitAsync(call.Token);
            return true;
        }
        catch (Exception exception) when (IsGoingAway(exception, up))
        {
            return false;
        }
    }

    /// <summary>Imports a JavaScript module; null when the circuit's connection went away first.</summary>
    public async Task<IJSObjectReference?> TryImportAsync(IJSRuntime js, string path)
    {
        ArgumentNullException.ThrowIfNull(js);
        var up = _up.Token;
        if (up.IsCancellationRequested)
        {
            return null;
        }

        using var call = CancellationTokenSource.CreateLinkedTokenSource(up);
        call.CancelAfter(options.Value.JSInteropDefaultCallTimeout);
        try
        {
            return await js.InvokeAsync<IJSObjectReference>("import", call.Token, path).AsTask().WaitAsync(call.Token);
        }
        catch (Exception exception) when (IsGoingAway(exception, up))
        {
            return null;
        }
    }

    /// <summary>
    /// Releases a module. Not while the link is down: Blazor would wait out its interop timeout
    /// for the browser, then fail the circuit; the browser drops the module with the page.
    /// </summary>
    public async Task TryDisposeAsync(IJSObjectReference module)
    {
        ArgumentNullException.ThrowIfNull(module);
        var up = _up.Token;
        if (up.IsCancellationRequested)
        {
            return;
        }

        try
        {
            await module.DisposeAsync().AsTask().WaitAsync(up);
        }
        catch (Exception exception) when (IsGoingAway(exception, up))
        {
        }
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        IsUp = false;
        return _up.CancelAsync();
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (_up.IsCancellationRequested)
        {
            _up.Dispose();
            _up = new CancellationTokenSource();
        }

        IsUp = true;
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        IsUp = false;
        return _up.CancelAsync();
    }

    public void Dispose() => _up.Dispose();

    // Only the connection's own end: a cancellation for any other reason is a real failure.
    private static bool IsGoingAway(Exception exception, CancellationToken up) =>
        exception is JSDisconnectedException || (exception is OperationCanceledException && up.IsCancellationRequested);
}
