// The browser's side of /demos/notifications: alerts arrive over EventSource; with permission
// each becomes a Web Notification, without it an in-page toast. Asking for permission must come
// from a click on the page itself (browsers ignore requests without a user gesture), which is
// why these buttons are wired here and not through the circuit.

const TOAST_MS = 6000;

const problemText = async response => {
  try {
    const problem = await response.json();
    return problem.detail || problem.title || `HTTP ${response.status}`;
  } catch {
    return `HTTP ${response.status}`;
  }
};

export function create(root) {
  const find = id => root.querySelector(`[data-testid="${id}"]`);
  const permissionOut = find("permission");
  const askButton = find("ask-permission");
  const statusOut = find("alerts-status");
  const log = find("alerts-log");
  const empty = find("alerts-empty");
  const toasts = find("toasts");
  const supported = "Notification" in window;
  let received = 0;

  const permission = () => (supported ? Notification.permission : "unsupported");
  const showPermission = () => {
    permissionOut.textContent = permission();
    root.dataset.permission = permission();
    askButton.disabled = !supported || Notification.permission !== "default";
  };

  const toast = (title, body) => {
    const element = document.createElement("div");
    element.className = "toast";
    const heading = document.createElement("strong");
    heading.textContent = title;
    element.append(heading, body);
    toasts.append(element);
    setTimeout(() => element.remove(), TOAST_MS);
  };

  const show = (alert, id) => {
    const title = String(alert.title ?? alert.type ?? "Alert");
    const body = String(alert.message ?? alert.text ?? JSON.stringify(alert));
    let how = "in-page toast";
    if (permission() === "granted") {
      new Notification(title, { body, tag: `alert-${id}` });
      how = "system notification";
    } else {
      toast(title, body);
    }
    const item = document.createElement("li");
    item.dataset.how = how === "in-page toast" ? "toast" : "notification";
    const heading = document.createElement("strong");
    heading.textContent = title;
    const note = document.createElement("span");
    note.className = "how";
    note.textContent = `id ${id} · shown as ${how}`;
    item.append(heading, " ", body, note);
    log.prepend(item);
    empty.hidden = true;
    received++;
    root.dataset.received = String(received);
  };

  const source = new EventSource("/feeds/sse?topic=alerts");
  source.onopen = () => { statusOut.textContent = "listening to alerts"; root.dataset.state = "open"; };
  source.onerror = () => { statusOut.textContent = "connection lost; EventSource reconnects by itself"; root.dataset.state = "reconnecting"; };
  const onAlert = event => show(JSON.parse(event.data), event.lastEventId);
  // Alerts from the test button are typed "alert"; anything posted without a type is "message".
  source.addEventListener("alert", onAlert);
  source.addEventListener("message", onAlert);

  askButton.addEventListener("click", async () => {
    await Notification.requestPermission();
    showPermission();
  });

  find("send-test").addEventListener("click", async () => {
    const response = await fetch("/demos/notifications/test", { method: "POST" });
    statusOut.textContent = response.ok ? "test alert sent; watch for it" : `refused (${response.status}): ${await problemText(response)}`;
  });

  showPermission();
  return { dispose: () => source.close() };
}
