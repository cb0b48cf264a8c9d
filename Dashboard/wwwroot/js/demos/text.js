// The browser's side of /demos/text: one EventSource per run. Each "token" event is appended as
// text; "done" closes the stream, or EventSource would reconnect and ask for more. Cancel is
// just close(): the server sees the request aborted and stops writing.

export function create(root) {
  const find = id => root.querySelector(`[data-testid="${id}"]`);
  const paragraph = find("paragraph");
  const statusOut = find("text-status");
  const lastFrame = find("last-frame");

  let source = null;
  let pieces = 0;
  let total = 0;

  const status = (state, text) => {
    root.dataset.state = state;
    statusOut.textContent = text;
  };

  const cursor = () => {
    const element = document.createElement("span");
    element.className = "cursor";
    element.setAttribute("aria-hidden", "true");
    return element;
  };

  const stop = () => {
    source?.close();
    source = null;
    paragraph.querySelector(".cursor")?.remove();
  };

  const start = () => {
    stop();
    pieces = 0;
    total = 0;
    paragraph.textContent = "";
    paragraph.append(cursor());
    root.dataset.pieces = "0";
    const unit = root.querySelector("input[name=unit]:checked")?.value ?? "token";
    const stream = new EventSource(`/demos/text/stream?unit=${unit}`);
    source = stream;
    status("connecting", "connecting…");
    stream.addEventListener("start", event => {
      total = JSON.parse(event.data).total;
      lastFrame.textContent = `event: start · data: ${event.data}`;
      status("streaming", `streaming ${total} pieces`);
    });
    stream.addEventListener("token", event => {
      const token = JSON.parse(event.data);
      paragraph.querySelector(".cursor")?.before(token.text);
      pieces = token.i + 1;
      root.dataset.pieces = String(pieces);
      lastFrame.textContent = `id: ${event.lastEventId} · event: token · data: ${event.data}`;
      status("streaming", `streaming: ${pieces} of ${total}`);
    });
    stream.addEventListener("done", event => {
      stop();
      lastFrame.textContent = `event: done · data: ${event.data}`;
      status("done", `done: ${pieces} pieces; the page closed the stream`);
    });
    stream.onerror = () => {
      if (stream.readyState === EventSource.CONNECTING) {
        status("reconnecting", `connection lost after ${pieces} pieces; reconnecting with Last-Event-ID to carry on`);
      }
    };
  };

  find("cancel").addEventListener("click", () => {
    if (!source) return;
    stop();
    status("cancelled", `cancelled after ${pieces} of ${total} pieces: the page closed the stream`);
  });
  find("restart").addEventListener("click", start);
  root.querySelectorAll("input[name=unit]").forEach(input => input.addEventListener("change", start));

  start();
  return { dispose: stop };
}
