// The browser's side of /demos/lifecycle: one EventSource on the clock, opened with maxEvents so
// the server ends it. The server's "end" event is the signal to close: EventSource treats a
// response that simply ends as a dropped connection, reconnects by itself with Last-Event-ID,
// and the server resumes after that id and sends another maxEvents, for ever. With "reconnect
// once" the page lets that happen one time, to show it. Everything shown is set with
// textContent, never parsed as markup.

const STATES = ["CONNECTING (0)", "OPEN (1)", "CLOSED (2)"];
const MAX_LINES = 100;

export function create(root) {
  const find = id => root.querySelector(`[data-testid="${id}"]`);
  const stateOut = find("ready-state");
  const countOut = find("received");
  const urlOut = find("url");
  const log = find("browser-log");
  const clock = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit", fractionalSecondDigits: 3, hourCycle: "h23" });

  let source = null;
  let received = 0;
  let lastId = "";

  const showState = () => {
    const state = source ? source.readyState : 2;
    stateOut.textContent = source ? STATES[state] : "no stream";
    root.dataset.readyState = String(state);
  };

  const line = (kind, text) => {
    const item = document.createElement("li");
    item.dataset.kind = kind;
    const time = document.createElement("time");
    time.textContent = clock.format(new Date());
    item.append(time, " ", text);
    log.prepend(item);
    while (log.children.length > MAX_LINES) log.lastElementChild.remove();
  };

  const close = why => {
    if (source && source.readyState !== EventSource.CLOSED) {
      source.close();
      line("close", why);
      root.dataset.outcome = "closed";
    }
    showState();
  };

  const open = (url, reconnectOnce) => {
    close("close(): replaced by a new stream");
    let letReconnect = !!reconnectOnce;
    let opens = 0;
    received = 0;
    countOut.textContent = "0";
    root.dataset.received = "0";
    urlOut.textContent = url;
    root.dataset.outcome = "running";
    const stream = new EventSource(url);
    source = stream;
    line("open", "new EventSource(url): connecting");

    stream.onopen = () => {
      opens++;
      if (opens === 1) {
        line("open", "open: the server answered 200 text/event-stream");
      } else {
        // The same URL again, with the Last-Event-ID header, which wins over its lastEventId query value.
        line("resume", `open again: EventSource reconnected by itself, sending Last-Event-ID: ${lastId}; the server resumes after it`);
        root.dataset.resumedAfter = lastId;
      }
      showState();
    };
    stream.addEventListener("time", event => {
      received++;
      countOut.textContent = String(received);
      root.dataset.received = String(received);
      const data = JSON.parse(event.data);
      lastId = event.lastEventId;
      line("event", `event: time · id: ${event.lastEventId} · server time ${String(data.time).slice(11, 19)}`);
    });
    stream.addEventListener("end", event => {
      const data = JSON.parse(event.data);
      if (letReconnect) {
        letReconnect = false;
        line("end", `event: end · ${data.reason}, ${data.sent} sent · the page does not close(), so EventSource will reconnect after the retry delay`);
        root.dataset.outcome = "reconnecting";
        return;
      }
      stream.close();
      line("end", `event: end · ${data.reason}, ${data.sent} sent · the page calls close(), so no reconnect`);
      root.dataset.outcome = "ended";
      showState();
    });
    stream.onerror = () => {
      line("error", stream.readyState === EventSource.CLOSED ? "error: closed" : "error: connection lost, EventSource will reconnect");
      showState();
    };
    showState();
  };

  showState();
  return {
    open,
    lastId: () => lastId,
    close: () => close("close(): the browser closed the stream"),
    dispose: () => source?.close(),
  };
}
