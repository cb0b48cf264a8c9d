// The browser's side of /demos/lockscreen: listens to the session's own topic. The countdown is
// only an estimate drawn here; the lock comes from the server's "expired" event, so a page whose
// clock is wrong, or that slept, still locks exactly when the server ends the session.

export function create(root, page) {
  const find = id => root.querySelector(`[data-testid="${id}"]`);
  const countdown = find("countdown");
  const streamOut = find("session-stream");
  const events = find("session-events");

  let source = null;
  let deadline = 0;
  let timer = 0;

  const line = text => {
    const item = document.createElement("li");
    item.textContent = `${new Date().toLocaleTimeString("en-GB")} ${text}`;
    events.prepend(item);
    while (events.children.length > 20) events.lastElementChild.remove();
  };

  const tick = () => {
    const left = Math.max(0, Math.ceil((deadline - performance.now()) / 1000));
    countdown.textContent = left > 0 ? `${left} s` : "0 s · waiting for the server";
    countdown.dataset.seconds = String(left);
  };

  const stop = () => {
    source?.close();
    source = null;
    clearInterval(timer);
  };

  const watch = (topic, afterId) => {
    stop();
    root.dataset.state = "connecting";
    const stream = new EventSource(`/feeds/sse?topic=${encodeURIComponent(topic)}&lastEventId=${afterId}`);
    source = stream;
    streamOut.textContent = "connecting…";
    stream.onopen = () => { streamOut.textContent = "open"; };
    stream.onerror = () => { streamOut.textContent = "connection lost; EventSource reconnects by itself"; };
    stream.addEventListener("session", event => {
      const status = JSON.parse(event.data);
      line(`event: session · id: ${event.lastEventId} · ${status.state}`);
      if (status.state === "active") {
        deadline = performance.now() + status.remainingMs;
        root.dataset.state = "active";
        clearInterval(timer);
        timer = setInterval(tick, 250);
        tick();
      } else if (status.state === "expired") {
        stop();
        deadline = 0;
        countdown.textContent = "expired";
        streamOut.textContent = "closed: nothing more will come on this topic";
        root.dataset.state = "expired";
        page.invokeMethodAsync("Expired");
      }
    });
  };

  return { watch, dispose: stop };
}
