// Single-key shortcuts for the whole app. Keys typed into a field are the field's; with a
// modifier they are the browser's. "?" opens the help dialog here, without a round trip; the
// others go to the circuit, which owns pause, window, theme and kiosk state.

const SERVER_KEYS = new Set(["p", "P", "1", "2", "3", "4", "t", "T", "k", "K", "Escape"]);

function typing(target) {
  return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

export function start(dotnet, helpDialog) {
  const onKey = (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.repeat || typing(event.target)) {
      return;
    }

    if (event.key === "?") {
      event.preventDefault();
      if (!helpDialog.open) {
        helpDialog.showModal();
      }
      return;
    }

    // Esc inside the open dialog closes it (the browser does); it must not also leave kiosk mode.
    if (!SERVER_KEYS.has(event.key) || helpDialog.open) {
      return;
    }

    event.preventDefault();
    dotnet.invokeMethodAsync("OnShortcut", event.key.toLowerCase()).catch(() => {
      // The circuit is going away; the page follows.
    });
  };

  document.addEventListener("keydown", onKey);
  // Says the keys work now (they do once the circuit is up): the browser tests wait for it.
  document.documentElement.setAttribute("data-shortcuts", "on");
  return {
    dispose() {
      document.removeEventListener("keydown", onKey);
      document.documentElement.removeAttribute("data-shortcuts");
    },
  };
}

export function openHelp(helpDialog) {
  if (!helpDialog.open) {
    helpDialog.showModal();
  }
}

export function closeHelp(helpDialog) {
  helpDialog.close();
}
