// The connection badge's browser half. The server renders the relay's state; only the browser
// can tell that the circuit itself is cut off, since nothing the server renders arrives then.
// It asks the server every second, and when no answer has come for a few seconds (a socket can
// look open long after the network went) or Blazor says the connection dropped, it says
// Reconnecting or Offline and for how long; whenever what the page shows is older than a few
// seconds, it says when it is from.

const PingMs = 1000;
const SilentMs = 3500;
const StaleMs = 3000;
const OfflineAfterMs = 30000;
const watched = new WeakMap();

const clock = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });

function duration(ms) {
  const seconds = Math.floor(ms / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min`;
}

function ping(state) {
  const sent = Date.now();
  state.server.invokeMethodAsync("Ping").then(
    () => {
      state.answered = Math.max(state.answered, sent);
    },
    () => {
      // Not delivered: the connection is down, which the next tick shows.
    });
}

function tick(state) {
  const element = state.element;
  if (!element.isConnected) {
    clearInterval(state.timer);
    watched.delete(element);
    return;
  }

  const now = Date.now();
  ping(state);
  // circuit.js marks when Blazor itself saw the connection drop.
  const down = document.getElementById("circuit-status")?.dataset.downSince;
  const lostSince = down ? Number(down) : now - state.answered > SilentMs ? state.answered : null;
  // Fresh up to the last answer: what the server sent before it reached us.
  if (lostSince === null && element.getAttribute("data-state") === "live") {
    state.fresh = state.answered;
  }

  if (lostSince === null) {
    element.removeAttribute("data-circuit");
    state.word.textContent = "";
    state.for.textContent = "";
  } else {
    const word = !navigator.onLine || now - lostSince > OfflineAfterMs ? "Offline" : "Reconnecting";
    element.setAttribute("data-circuit", word.toLowerCase());
    state.word.textContent = word;
    state.for.textContent = duration(now - lostSince);
  }

  state.age.textContent = now - state.fresh > StaleMs ? `· data from ${clock.format(state.fresh)}` : "";
}

/** Starts watching the badge element; server is the badge's .NET object, which answers Ping. */
export function watch(element, server) {
  const known = watched.get(element);
  if (known) {
    known.server = server;
    return;
  }

  const now = Date.now();
  const state = {
    element,
    server,
    answered: now,
    fresh: now,
    word: element.querySelector(".circuit"),
    for: element.querySelector(".circuit-for"),
    age: element.querySelector(".age"),
  };
  state.timer = setInterval(() => tick(state), PingMs);
  watched.set(element, state);
}
