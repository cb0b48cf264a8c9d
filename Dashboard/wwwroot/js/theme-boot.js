// Loaded blocking in <head>, before the body and its first paint: it marks the root with the
// theme the visitor will get (their pick, else their system's preference), and the palette
// follows that mark (both palettes are in the page; see DashboardTheme.cs). So a dark-mode user
// never sees a light page while the circuit starts. It also tells the server by cookie, so the
// next page arrives marked right, and marks kiosk mode for the large type. An external file:
// no inline scripts under the Content-Security-Policy.
(function () {
  var KEY = "dashboard.theme";
  // Also the names an earlier version stored, so a choice made then still holds.
  var KNOWN = { light: "light", dark: "dark", material: "light", "material-dark": "dark" };
  var theme = null;
  try {
    theme = KNOWN[localStorage.getItem(KEY)] || null;
  } catch (e) {
    // Storage blocked: the system preference decides.
  }
  if (!theme) {
    theme = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }

  var root = document.documentElement;
  root.setAttribute("data-theme", theme);
  if (/[?&]kiosk=(1|true)(&|$)/.test(location.search)) root.classList.add("kiosk");
  document.cookie = KEY + "=" + theme + "; path=/; max-age=31536000; samesite=lax";
})();
