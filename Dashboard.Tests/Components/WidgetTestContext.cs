using System.Collections.Concurrent;
using Bunit;

namespace Dashboard.Tests.Components;

/// <summary>
/// The live-component context for widget tests, plus two things widgets need: async disposal
/// (components' DisposeAsync, which awaits their JS module, and the relay's pumps) and a way to
/// wait for JS calls, which a chart makes without rendering anything bunit's render-driven waits
/// would notice.
/// </summary>
public abstract class WidgetTestContext : LiveComponentContext, IAsyncLifetime
{
    protected static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    /// <summary>Plans void calls of a JS module and records their arguments as they happen.</summary>
    protected JsCalls RecordModule(string modulePath, params string[] functions)
    {
        var module = JSInterop.SetupModule(modulePath);
        var calls = new JsCalls();
        foreach (var function in functions)
        {
            module.SetupVoid(function, invocation => calls.Record(function, invocation)).SetVoidResult();
        }

        return calls;
    }

    /// <summary>The calls of one JS module, by function name, in order.</summary>
    protected sealed class JsCalls
    {
        private readonly ConcurrentDictionary<string, ConcurrentQueue<IReadOnlyList<object?>>> _calls = new(StringComparer.Ordinal);
        private readonly SemaphoreSlim _called = new(0);

        public IReadOnlyList<IReadOnlyList<object?>> this[string function] =>
            _calls.TryGetValue(function, out var calls) ? calls.ToArray() : [];

        /// <summary>Waits until <paramref name="function"/> has been called at least <paramref name="count"/> times.</summary>
        public async Task<IReadOnlyList<IReadOnlyList<object?>>> WaitForAsync(string function, int count = 1)
        {
            using var timeout = new CancellationTokenSource(Wait);
            while (this[function].Count < count)
            {
                try
                {
                    await _called.WaitAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    throw new TimeoutException($"{function} was called {this[function].Count} times, not {count}, within {Wait}.");
                }
            }

            return this[function];
        }

        internal bool Record(string function, JSRuntimeInvocation invocation)
        {
            _calls.GetOrAdd(function, _ => new()).Enqueue(invocation.Arguments);
            _called.Release();
            return true;
        }
    }
}
