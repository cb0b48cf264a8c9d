// The browser's side of /demos/chat: the same room over a WebSocket (both directions on one
// connection) and over EventSource + fetch POST (SSE only flows server to browser, so sending
// is an ordinary request). Messages are people's text: shown with textContent, never as markup.

const RECONNECT_MS = 2000;
const MAX_LINES = 200;

const problemText = async response => {
  try {
    const problem = await response.json();
    return problem.detail || problem.title || `HTTP ${response.status}`;
  } catch {
    return `HTTP ${response.status}`;
  }
};

export function create(root, options) {
  const find = id => root.querySelector(`[data-testid="${id}"]`);
  const nameInput = find("chat-name");
  nameInput.value = sessionStorage.getItem("chat-name") || `guest-${Math.floor(1000 + Math.random() * 9000)}`;
  nameInput.addEventListener("change", () => sessionStorage.setItem("chat-name", nameInput.value));

  let disposed = false;

  const append = (log, kind, parts, id) => {
    const item = document.createElement("li");
    item.dataset.kind = kind;
    if (id) item.dataset.id = id;
    item.append(...parts);
    const atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
    log.append(item);
    while (log.children.length > MAX_LINES) log.firstElementChild.remove();
    if (atBottom) log.scrollTop = log.scrollHeight;
  };

  const span = (className, text) => {
    const element = document.createElement("span");
    element.className = className;
    element.textContent = text;
    return element;
  };

  const showMessage = (log, data, id) =>
    append(log, "message", [span("author", data.author), span("via", data.via), span("text", data.text)], id);

  const status = (element, state, text) => {
    element.dataset.state = state;
    element.textContent = text;
  };

  // WebSocket: one connection, both ways. After a drop it reconnects with ?after= the last id seen.
  const ws = { log: find("ws-log"), status: find("ws-status"), input: find("ws-text"), socket: null, lastId: options.after };
  const connectSocket = () => {
    if (disposed) return;
    const scheme = location.protocol === "https:" ? "wss" : "ws";
    const query = ws.lastId != null ? `?after=${ws.lastId}` : "";
    const socket = new WebSocket(`${scheme}://${location.host}/demos/chat/ws${query}`);
    ws.socket = socket;
    status(ws.status, "connecting", "connecting…");
    socket.onopen = () => status(ws.status, "open", "open: one connection, both directions");
    socket.onmessage = event => {
      const frame = JSON.parse(event.data);
      if (frame.kind === "message") {
        ws.lastId = frame.id;
        showMessage(ws.log, frame.data, frame.id);
      } else if (frame.kind === "echo") {
        append(ws.log, "echo", [`echo: the server read your ${frame.bytes}-byte frame and published it as event ${frame.id}`]);
      } else if (frame.kind === "error") {
        append(ws.log, "error", [`server: ${frame.detail}`]);
      }
    };
    socket.onclose = event => {
      if (disposed) return;
      status(ws.status, "closed", `closed (code ${event.code}); reconnecting in ${RECONNECT_MS / 1000} s`);
      setTimeout(connectSocket, RECONNECT_MS);
    };
  };

  find("ws-form").addEventListener("submit", event => {
    event.preventDefault();
    const text = ws.input.value.trim();
    if (!text) return;
    if (ws.socket?.readyState !== WebSocket.OPEN) {
      append(ws.log, "error", ["not connected yet; try again in a moment"]);
      return;
    }
    ws.socket.send(JSON.stringify({ author: nameInput.value, text }));
    ws.input.value = "";
  });

  // SSE: EventSource reads, and reconnects by itself with Last-Event-ID; a POST writes.
  const sse = { log: find("sse-log"), status: find("sse-status"), input: find("sse-text") };
  const query = options.after != null ? `&lastEventId=${options.after}` : "";
  const source = new EventSource(`/feeds/sse?topic=chat/lobby${query}`);
  status(sse.status, "connecting", "connecting…");
  source.onopen = () => status(sse.status, "open", "open: EventSource reads; each message you send is a POST");
  source.onerror = () => status(sse.status, "reconnecting", "connection lost; EventSource reconnects by itself");
  source.addEventListener("chat", event => showMessage(sse.log, JSON.parse(event.data), event.lastEventId));

  find("sse-form").addEventListener("submit", async event => {
    event.preventDefault();
    const text = sse.input.value.trim();
    if (!text) return;
    sse.input.value = "";
    const response = await fetch("/demos/chat/messages", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ author: nameInput.value, text }),
    });
    if (!response.ok) {
      append(sse.log, "error", [`POST refused (${response.status}): ${await problemText(response)}`]);
      sse.input.value = text;
    }
  });

  connectSocket();
  return {
    dispose: () => {
      disposed = true;
      source.close();
      ws.socket?.close(1000, "page closed");
    },
  };
}
