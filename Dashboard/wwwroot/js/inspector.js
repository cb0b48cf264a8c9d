// The browser side of /inspector: reads an event stream with fetch (not EventSource, which hides
// the wire), parses it with SseFrameParser and shows every frame raw and parsed, with the time
// between events, the retry the server asked for, and each reconnect with the Last-Event-ID sent.
// This server's feeds are read directly; an allow-listed outside URL goes through /inspector/proxy.

import { SseFrameParser } from "./sseParser.js";

const KEPT = 5000;
const SHOWN = 300;
const DEFAULT_RETRY_MS = 3000;

const visible = text => text.replaceAll("\r", "␍").replaceAll("\n", "␊\n");
const clock = at => new Date(at).toISOString().slice(11, 23);

export function start(root, allowed) {
  const $ = role => root.querySelector(`[data-role=${role}]`);
  const out = name => root.querySelector(`[data-testid=${name}]`);
  const frames = [];
  const connections = [];
  let paused = false;
  let hiddenWhilePaused = 0;
  let controller = null;
  let session = 0;
  let lastEventId = "";
  let retryMs = DEFAULT_RETRY_MS;
  let lastEventAt = null;
  let bytes = 0;
  let reconnects = 0;
  let state = "idle";

  const setText = (name, text) => { const o = out(name); if (o && o.textContent !== text) o.textContent = text; };
  const status = () => {
    setText("state", state);
    setText("frames", String(frames.length));
    setText("events", String(frames.filter(f => f.kind === "event").length));
    setText("bytes", String(bytes));
    setText("reconnects", String(reconnects));
    setText("last-event-id", lastEventId || "–");
    setText("retry", `${retryMs} ms`);
    setText("paused-count", paused ? `${hiddenWhilePaused} captured while paused` : "");
  };

  const matches = frame => {
    const filter = $("filter").value.trim().toLowerCase();
    if (!filter) return true;
    return [frame.kind, frame.type, frame.lastEventId, frame.data, frame.text].some(v => v && String(v).toLowerCase().includes(filter));
  };

  const row = frame => {
    const tr = document.createElement("tr");
    tr.dataset.kind = frame.kind;
    const cell = (text, cls) => { const td = document.createElement("td"); td.textContent = text; if (cls) td.className = cls; tr.append(td); return td; };
    cell(clock(frame.at));
    cell(frame.gapMs === null ? "" : `+${frame.gapMs}`, "num");
    cell(frame.kind);
    cell(frame.type ?? "");
    cell(frame.kind === "event" ? frame.lastEventId : "");
    const detail = cell("", "data");
    const summary = frame.kind === "event" ? frame.data : frame.kind === "retry" ? `retry ${frame.ms} ms` : frame.text ?? "";
    const details = document.createElement("details");
    const head = document.createElement("summary");
    head.textContent = summary.length > 140 ? `${summary.slice(0, 140)}…` : summary;
    const raw = document.createElement("pre");
    raw.className = "raw";
    raw.textContent = visible(frame.raw ?? "");
    details.append(head, raw);
    if (frame.kind === "event") {
      try {
        const pretty = document.createElement("pre");
        pretty.textContent = JSON.stringify(JSON.parse(frame.data), null, 2);
        details.append(pretty);
      } catch { /* not JSON: the raw frame says it all */ }
    }

    detail.append(details);
    return tr;
  };

  // As in browser devtools: new frames go at the bottom, and the list follows them only while
  // the viewer is at the bottom; scrolled up to read, nothing moves under the pointer.
  const scroller = () => root.querySelector(".frames-scroll");
  const atBottom = () => { const el = scroller(); return el.scrollHeight - el.scrollTop - el.clientHeight < 24; };
  const follow = stick => { if (stick) { const el = scroller(); el.scrollTop = el.scrollHeight; } root.dataset.following = String(stick); };

  const redraw = () => {
    const stick = atBottom();
    $("frames").replaceChildren(...frames.filter(matches).slice(-SHOWN).map(row));
    follow(stick);
  };

  const capture = records => {
    for (const record of records) {
      const at = Date.now();
      const frame = { ...record, at, gapMs: null };
      if (record.kind === "event") {
        frame.gapMs = lastEventAt === null ? null : at - lastEventAt;
        lastEventAt = at;
        lastEventId = record.lastEventId;
      } else if (record.kind === "blank") {
        lastEventId = record.lastEventId;
      } else if (record.kind === "retry") {
        retryMs = record.ms;
      }

      frames.push(frame);
      if (frames.length > KEPT) frames.shift();
      if (paused) {
        hiddenWhilePaused++;
      } else if (matches(frame)) {
        const body = $("frames");
        const stick = atBottom();
        body.append(row(frame));
        while (body.childElementCount > SHOWN) {
          // Scrolled up, the rows in view stay in place as the oldest leave the top.
          const gone = body.firstElementChild;
          const height = gone.offsetHeight;
          gone.remove();
          if (!stick) scroller().scrollTop -= height;
        }
        follow(stick);
      }
    }
  };

  const describe = entry => `${clock(entry.at)} ${entry.url} · Last-Event-ID ${entry.lastEventId || "(none)"} · ${entry.outcome}`;
  const logConnection = entry => {
    connections.unshift(entry);
    entry.item = document.createElement("li");
    entry.item.textContent = describe(entry);
    $("connections").prepend(entry.item);
  };
  const updateConnection = entry => { if (entry.item) entry.item.textContent = describe(entry); };

  // Only this server's streams, or what the configuration allows; never an open proxy.
  const target = url => {
    if (url.startsWith("/feeds/sse?")) return url;
    if (allowed.some(prefix => url.startsWith(prefix))) return `/inspector/proxy?url=${encodeURIComponent(url)}`;
    return null;
  };

  const run = async (url, mine) => {
    const path = target(url);
    if (path === null) {
      state = "refused";
      logConnection({ at: Date.now(), url, lastEventId: "", outcome: "not this server's feed and not on Dashboard:Inspector:AllowedUrls" });
      status();
      return;
    }

    while (mine === session) {
      controller = new AbortController();
      const entry = { at: Date.now(), url, lastEventId, outcome: "connecting" };
      const parser = new SseFrameParser();
      state = "connecting";
      status();
      try {
        const headers = { Accept: "text/event-stream" };
        if (lastEventId) headers["Last-Event-ID"] = lastEventId;
        const response = await fetch(path, { headers, signal: controller.signal, cache: "no-store" });
        const type = response.headers.get("content-type") ?? "";
        if (!response.ok || !type.startsWith("text/event-stream")) {
          const text = await response.text();
          entry.outcome = `${response.status} ${type}: ${text.slice(0, 200)}`;
          logConnection(entry);
          // As EventSource does: an answer that is not a stream is final.
          state = "failed";
          status();
          return;
        }

        entry.outcome = `${response.status} open`;
        logConnection(entry);
        state = "open";
        status();
        const reader = response.body.getReader();
        while (true) {
          const { value, done } = await reader.read();
          if (done) break;
          bytes += value.length;
          capture(parser.pushBytes(value));
          status();
        }

        capture(parser.end());
        entry.outcome += ", ended by the server";
        updateConnection(entry);
      } catch (error) {
        if (mine !== session) return;
        entry.outcome += `, failed: ${error.message}`;
        if (entry.item) updateConnection(entry); else logConnection(entry);
      }

      if (mine !== session) return;
      state = `reconnecting in ${retryMs} ms`;
      reconnects++;
      status();
      await new Promise(resolve => setTimeout(resolve, retryMs));
    }
  };

  // A new connection starts its own count: frames, events, bytes and reconnects are this stream's.
  const connect = () => {
    session++;
    controller?.abort();
    reconnects = 0;
    bytes = 0;
    frames.length = 0;
    hiddenWhilePaused = 0;
    lastEventAt = null;
    redraw();
    lastEventId = $("resume").value.trim();
    run($("url").value.trim(), session);
  };

  const disconnect = () => {
    session++;
    controller?.abort();
    state = "closed";
    status();
  };

  const togglePause = () => {
    paused = !paused;
    $("pause-label").textContent = paused ? "Resume" : "Pause";
    if (!paused) {
      hiddenWhilePaused = 0;
      redraw();
    }

    status();
  };

  const exportFrames = () => {
    const plain = connections.map(({ item, ...entry }) => entry);
    const blob = new Blob([JSON.stringify({ exported: new Date().toISOString(), connections: plain, frames }, null, 2)], { type: "application/json" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = `sse-capture-${Date.now()}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  };

  const on = (role, event, handler) => $(role).addEventListener(event, handler);
  // Connect is the form's submit button: its click submits the form, so listening to both
  // connected twice (and logged a refused URL twice).
  on("disconnect", "click", disconnect);
  on("pause", "click", togglePause);
  on("export", "click", exportFrames);
  on("filter", "input", redraw);
  on("form", "submit", e => { e.preventDefault(); connect(); });
  connect();

  return { stop: disconnect };
}
