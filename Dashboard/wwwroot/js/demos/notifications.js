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

export function create(root, options) {
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
  const PERMISSION_TEXT = { default: "not asked yet: toasts", granted: "granted: system notifications", denied: "denied: toasts", unsupported: "not supported here: toasts" };
  const showPermission = () => {
    permissionOut.textContent = PERMISSION_TEXT[permission()];
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

  // Alerts from before the page opened (the backlog it resumes into) are listed, not notified again.
  const show = (alert, id) => {
    const title = String(alert.title ?? alert.type ?? "Alert");
    const body = String(alert.message ?? alert.text ?? JSON.stringify(alert));
    const old = options.newest != null && Number(id) <= options.newest;
    let how = "backlog";
    if (!old && permission() === "granted") {
      new Notification(title, { body, tag: `alert-${id}` });
      how = "notification";
    } else if (!old) {
      toast(title, body);
      how = "toast";
    }

    const item = document.createElement("li");
    item.dataset.how = how;
    const heading = document.createElement("strong");
    heading.textContent = title;
    const note = document.createElement("span");
    note.className = "how";
    note.textContent = `id ${id} · ${{ backlog: "sent before this page opened", notification: "shown as a system notification", toast: "shown as an in-page toast" }[how]}`;
    item.append(heading, " ", body, note);
    log.prepend(item);
    empty.hidden = true;
    if (!old) {
      received++;
      root.dataset.received = String(received);
    }
  };

  const source = new EventSource(`/feeds/sse?topic=alerts${options.after != null ? `&lastEventId=${options.after}` : ""}`);
  source.onopen = () => { statusOut.textContent = "listening to alerts"; root.dataset.state = "open"; };
  source.onerror = () => { statusOut.textContent = "connection lost; EventSource reconnects by itself"; root.dataset.state = "reconnecting"; };
  const onAlert = event => show(JSON.parse(event.data), event.lastEventId);
  // Alerts from the test button are typed "alert"; anything posted without a type is "message".
  source.addEventListener("alert", onAlert);
  source.addEventListener("message", onAlert);

  // The prompt can end three ways, and the page must say which: a prompt closed without a choice
  // resolves "default", which otherwise looks as if nothing happened.
  const FEEDBACK = {
    granted: "Allowed: new alerts now appear as system notifications.",
    denied: "Blocked: alerts stay as in-page toasts. To change it, use the site's settings beside the address bar.",
    default: "The prompt was closed without a choice: nothing changed, alerts stay as in-page toasts. Click again to be asked again.",
  };
  const feedbackOut = find("permission-feedback");
  askButton.addEventListener("click", async () => {
    const result = await Notification.requestPermission();
    feedbackOut.textContent = FEEDBACK[result] ?? "";
    root.dataset.permissionAnswer = result;
    showPermission();
  });

  find("send-test").addEventListener("click", async () => {
    const response = await fetch("/demos/notifications/test", { method: "POST" });
    statusOut.textContent = response.ok ? "test alert sent; watch for it" : `refused (${response.status}): ${await problemText(response)}`;
  });

  showPermission();
  return { dispose: () => source.close() };
}
