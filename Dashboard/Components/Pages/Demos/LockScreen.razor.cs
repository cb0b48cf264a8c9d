using System.Globalization;
using Dashboard.Demos;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;

namespace Dashboard.Components.Pages.Demos;

/// <summary>
/// <c>/demos/lockscreen</c>: signs in on open, hands the session's topic to <c>lockscreen.js</c>,
/// and shows the lock when the script reports the server's <c>expired</c> event.
/// </summary>
public sealed partial class LockScreen : DemoPage
{
    private DotNetObjectReference<LockScreen>? _self;
    private DemoSession? _session;
    private bool _locked;
    private string? _error;
    private string _name = string.Create(CultureInfo.InvariantCulture, $"guest-{Random.Shared.Next(1000, 10_000)}");

    private DemosOptions Settings => Services.GetRequiredService<IOptions<DemosOptions>>().Value;

    protected override string Script => "./js/demos/lockscreen.js";

    protected override object?[] CreateArguments()
    {
        _self = DotNetObjectReference.Create(this);
        return [Root, _self];
    }

    // Signed in as soon as the page opens, so the countdown is running from the start.
    protected override Task OnViewReadyAsync() => SignInAsync();

    /// <summary>The script saw the server's <c>expired</c> event on this session's topic.</summary>
    [JSInvokable]
    public void Expired()
    {
        _locked = true;
        StateHasChanged();
    }

    private async Task SignInAsync()
    {
        if (View is null)
        {
            return;
        }

        var session = await Services.GetRequiredService<DemoSessions>().SignInAsync(_name);
        if (session is null)
        {
            _error = "Too many demo sessions are open right now (Dashboard:Demos:MaxSessions); try again in a minute.";
            _locked = true;
            StateHasChanged();
            return;
        }

        _session = session;
        _error = null;
        _locked = false;

        // Called after the first render too, where no event handler re-renders for us.
        StateHasChanged();

        // Resume just before the sign-in event, so the stream starts with it and cannot miss an early expiry.
        await View.InvokeVoidAsync("watch", session.Topic, session.SignedInEventId - 1);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _self?.Dispose();
    }
}
