// The browser side of /transports: the same feed over SSE, WebSocket and long polling at once,
// each measured here, where a user would feel it. Latency is arrival (Date.now()) minus the
// event's publish time (data.ts), so it includes any clock difference with the server; on one
// machine there is none. Bytes are what each transport puts on the wire per event:
//   SSE: the frame the server writes ("event: ..\ndata: ..\nid: ..\n\n"),
//   WebSocket: the JSON message plus its frame header (server frames are unmasked),
//   long polling: each answer's status line, headers and body, shared among its events.
// Overhead is those bytes minus the event's data itself. "Cut" drops a connection from this end,
// as a failing network would, and each transport recovers its own way, resuming after the last id.

const encoder = new TextEncoder();
const bytes = text => encoder.encode(text).length;
const WINDOW_MS = 5000;
const REOPEN_MS = 1000;

class Meter {
  constructor(panel) {
    this.panel = panel;
    this.arrivals = [];
    this.latencies = [];
    this.messages = 0;
    this.wireBytes = 0;
    this.payloadBytes = 0;
    this.reconnects = 0;
    this.lastId = null;
    this.firstAfterResume = null;
  }

  record(event, wire, payload) {
    const now = Date.now();
    this.messages++;
    this.wireBytes += wire;
    this.payloadBytes += payload;
    this.arrivals.push(now);
    if (typeof event.data.ts === "number") this.latencies.push(now - event.data.ts);
    if (this.latencies.length > 200) this.latencies.shift();
    while (this.arrivals.length && this.arrivals[0] < now - WINDOW_MS) this.arrivals.shift();
    if (this.firstAfterResume === "pending") this.firstAfterResume = event.id;
    this.lastId = event.id;
    this.panel.log(event);
  }

  resumed() {
    this.reconnects++;
    this.firstAfterResume = "pending";
  }

  render(state) {
    const p = this.panel;
    const sorted = [...this.latencies].sort((a, b) => a - b);
    const median = sorted.length ? sorted[Math.floor(sorted.length / 2)] : null;
    const now = Date.now();
    const recent = this.arrivals.filter(t => t >= now - WINDOW_MS).length;
    const perMessage = this.messages ? this.wireBytes / this.messages : null;
    const overhead = this.messages ? (this.wireBytes - this.payloadBytes) / this.messages : null;
    p.set("state", state);
    p.set("messages", String(this.messages));
    p.set("rate", (recent / (WINDOW_MS / 1000)).toFixed(1));
    p.set("latency", median === null ? "–" : `${Math.round(median)} ms`, median);
    p.set("bytes", perMessage === null ? "–" : `${Math.round(perMessage)} B`, perMessage);
    p.set("overhead", overhead === null ? "–" : `${Math.round(overhead)} B (${Math.round(100 * overhead / perMessage)}%)`, overhead);
    p.set("reconnects", String(this.reconnects));
    p.set("last-id", this.lastId === null ? "–" : String(this.lastId));
    p.set("resume", this.reconnects === 0 ? "not yet cut"
      : this.firstAfterResume === "pending" ? "waiting for the next event"
      : `after a cut, went on from id ${this.firstAfterResume}`);
  }
}

class Panel {
  constructor(root) {
    this.root = root;
    this.list = root.querySelector("[data-role=log]");
  }

  set(name, text, value) {
    const out = this.root.querySelector(`[data-testid=${name}]`);
    if (!out) return;
    if (out.textContent !== text) out.textContent = text;
    if (value !== undefined && value !== null) out.dataset.value = String(value);
  }

  log(event) {
    const item = document.createElement("li");
    item.textContent = `#${event.id} ${event.topic} ${event.type}`;
    this.list.prepend(item);
    while (this.list.childElementCount > 6) this.list.lastElementChild.remove();
  }
}

function sse(topic, meter) {
  let source = null;
  let state = "connecting";
  const open = () => {
    // A fresh EventSource cannot set Last-Event-ID, so a resume goes in the query.
    const resume = meter.lastId === null ? "" : `&lastEventId=${meter.lastId}`;
    source = new EventSource(`/feeds/sse?topic=${encodeURIComponent(topic)}${resume}`);
    source.onopen = () => { state = "open"; };
    source.onerror = () => { state = source.readyState === EventSource.CLOSED ? "closed" : "reconnecting"; };
    const onEvent = e => {
      const data = JSON.parse(e.data);
      const frame = `event: ${e.type}\ndata: ${e.data}\nid: ${e.lastEventId}\n\n`;
      meter.record({ id: Number(e.lastEventId), topic: data.topic, type: e.type, data }, bytes(frame), bytes(e.data));
    };
    for (const type of ["time", "quote", "metrics", "process", "message"]) source.addEventListener(type, onEvent);
  };
  open();
  return {
    state: () => state,
    cut() {
      source.close();
      state = "reconnecting";
      meter.resumed();
      setTimeout(open, REOPEN_MS);
    },
    stop() { source.close(); },
  };
}

function websocket(topic, meter) {
  let socket = null;
  let state = "connecting";
  let stopped = false;
  const open = () => {
    const scheme = location.protocol === "https:" ? "wss" : "ws";
    const resume = meter.lastId === null ? "" : `&lastEventId=${meter.lastId}`;
    socket = new WebSocket(`${scheme}://${location.host}/feeds/ws?topic=${encodeURIComponent(topic)}${resume}`);
    socket.onopen = () => { state = "open"; };
    socket.onmessage = e => {
      const message = JSON.parse(e.data);
      if (message.id === undefined) return; // reset or end: control, not an event
      const length = bytes(e.data);
      const header = length < 126 ? 2 : length < 65536 ? 4 : 10;
      meter.record(message, length + header, bytes(JSON.stringify(message.data)));
    };
    socket.onclose = () => {
      if (stopped) return;
      // WebSocket has no reconnect of its own: this page is the one that comes back.
      state = "reconnecting";
      setTimeout(open, REOPEN_MS);
    };
  };
  open();
  return {
    state: () => state,
    cut() {
      meter.resumed();
      socket.close(4000, "cut by the page");
    },
    stop() { stopped = true; socket.close(1000, "page closed"); },
  };
}

function longPoll(topic, meter) {
  let state = "connecting";
  let stopped = false;
  let controller = null;
  let cursor = null;
  const loop = async () => {
    while (!stopped) {
      controller = new AbortController();
      const after = cursor === null ? "" : `&after=${cursor}`;
      try {
        const response = await fetch(`/feeds/poll?topic=${encodeURIComponent(topic)}${after}`, { signal: controller.signal, cache: "no-store" });
        const body = await response.text();
        state = "open";
        const answer = JSON.parse(body);
        let head = `HTTP/1.1 ${response.status} ${response.statusText}\r\n`;
        response.headers.forEach((value, name) => { head += `${name}: ${value}\r\n`; });
        head += "\r\n";
        const events = answer.events;
        const share = events.length ? (bytes(head) + bytes(body)) / events.length : 0;
        for (const event of events) meter.record(event, share, bytes(JSON.stringify(event.data)));
        cursor = answer.next;
      } catch {
        if (stopped) return;
        state = "reconnecting";
        await new Promise(resolve => setTimeout(resolve, REOPEN_MS));
      }
    }
  };
  loop();
  return {
    state: () => state,
    cut() {
      meter.resumed();
      controller?.abort();
    },
    stop() { stopped = true; controller?.abort(); },
  };
}

const transports = { sse, ws: websocket, poll: longPoll };

export function start(root, topic) {
  const running = [];
  for (const panelRoot of root.querySelectorAll("[data-transport]")) {
    const meter = new Meter(new Panel(panelRoot));
    const transport = transports[panelRoot.dataset.transport](topic, meter);
    panelRoot.querySelector("[data-role=cut]").addEventListener("click", () => transport.cut());
    running.push({ meter, transport });
  }

  const render = () => { for (const { meter, transport } of running) meter.render(transport.state()); };
  const timer = setInterval(render, 500);
  render();
  return {
    stop() {
      clearInterval(timer);
      for (const { transport } of running) transport.stop();
    },
  };
}
