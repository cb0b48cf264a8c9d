// The whole client: open an EventSource, print each event as the fields it arrived with.
// Text only (textContent), so nothing a feed sends can become markup on this page.
const wire = document.getElementById("wire");
const state = document.getElementById("state");
let source = null;

function print(text) {
  wire.textContent += text + "\n";
  wire.scrollTop = wire.scrollHeight;
}

function connect(topics) {
  source?.close();
  const query = topics.split(",").map(t => "topic=" + encodeURIComponent(t.trim())).join("&");
  print(`# new EventSource("/feeds/sse?${query}")`);
  source = new EventSource(`/feeds/sse?${query}`);

  source.onopen = () => { state.textContent = "open"; print("# open"); };
  source.onerror = () => {
    state.textContent = source.readyState === EventSource.CLOSED ? "closed" : "reconnecting";
    print(`# error: readyState ${source.readyState}`);
  };

  // EventSource has no "any event" listener: onmessage gets only untyped events, so listen to
  // the types this server sends (GET /feeds/topics lists them) plus its control events.
  for (const type of ["message", "time", "quote", "metrics", "process", "chat", "alert", "session", "reset", "end"]) {
    source.addEventListener(type, event => {
      print(`event: ${event.type}\nid: ${event.lastEventId}\ndata: ${event.data}\n`);
      if (event.type === "end") { source.close(); state.textContent = "ended by the server"; }
    });
  }
}

document.getElementById("connect").addEventListener("submit", event => {
  event.preventDefault();
  connect(document.getElementById("topics").value);
});
document.getElementById("close").addEventListener("click", () => {
  source?.close();
  state.textContent = "closed by the page";
  print("# close()");
});

connect(document.getElementById("topics").value);
