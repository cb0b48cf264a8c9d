// Starts Blazor (App.razor loads blazor.web.js with autostart off) for a screen nobody tends.
// Blazor's own policy stops retrying after about six minutes and then waits for a click, and
// its dialog covers the page: here it retries for as long as it takes, at most five seconds
// apart, the connection badge says what is happening, and a circuit the server no longer has
// (kept three minutes, or gone with a restart), or one the server ended over an error, ends in
// a reload once the server answers again.
// A classic script, run where blazor.web.js would have started itself, so nothing starts later;
// it keeps the state on its element (data-down-since), where connection.js reads it.

(() => {
  const RetryCapMs = 5000;
  const ReloadCapMs = 10000;
  const CrashReloadMs = 3000;
  let reloading = false;

  // A reload while the network is still away would leave the browser's own error page, which
  // never comes back by itself: ask first, and reload only once the page answers.
  async function reloadWhenReachable(firstWaitMs = 0) {
    if (reloading) {
      return;
    }

    reloading = true;
    await new Promise((resolve) => setTimeout(resolve, firstWaitMs));
    for (let wait = 1000; ; wait = Math.min(wait * 2, ReloadCapMs)) {
      try {
        const answer = await fetch(location.href, { cache: "no-store", signal: AbortSignal.timeout(ReloadCapMs) });
        if (answer.ok) {
          location.reload();
          return;
        }
      } catch {
        // Not reachable yet.
      }

      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  async function resume() {
    try {
      if (await Blazor.resumeCircuit()) {
        return;
      }
    } catch {
      // Resuming failed: start again.
    }

    await reloadWhenReachable();
  }

  // Blazor reports to an element of ours (the dialogId below) instead of drawing its own dialog.
  const status = document.getElementById("circuit-status");
  function markDown() {
    status.dataset.downSince ??= String(Date.now());
  }

  status.addEventListener("components-reconnect-state-changed", (event) => {
    switch (event.detail.state) {
      case "show":
      case "retrying":
        markDown();
        break;
      case "paused":
        markDown();
        resume();
        break;
      case "hide":
        delete status.dataset.downSince;
        break;
      default:
        // failed, resume-failed, rejected: this circuit will not come back.
        markDown();
        reloadWhenReachable();
        break;
    }
  });

  // A circuit the server ended over an unhandled error is closed without a reconnect, so none
  // of the states above comes: Blazor only shows #blazor-error-ui. A wall screen would stay
  // frozen behind it for good; a fresh page gets a fresh circuit. Looked up at each check, since
  // the element is the layout's and the circuit's first render replaces the prerendered one.
  // Not at once, so a page whose circuit fails as soon as it starts reloads every few seconds.
  const crashCheck = setInterval(() => {
    const errorUi = document.getElementById("blazor-error-ui");
    if (errorUi && getComputedStyle(errorUi).display !== "none") {
      clearInterval(crashCheck);
      markDown();
      reloadWhenReachable(CrashReloadMs);
    }
  }, 1000);

  Blazor.start({
    circuit: {
      reconnectionOptions: {
        maxRetries: Infinity,
        retryIntervalMilliseconds: (attempt) => Math.min(attempt * 1000, RetryCapMs),
        dialogId: status.id,
      },
    },
  });
})();
