// Loaded blocking in <head>, right after the theme's <link>, so it runs before the first paint:
// it puts the theme the visitor will get (their pick, else their system's preference) on the
// link at once instead of after the circuit starts, which flashed a light page at dark-mode
// users. It also tells the server by cookie, so the next page is rendered in that theme from
// the start, and marks kiosk mode for the large type. An external file: no inline scripts
// under the Content-Security-Policy.
(function () {
  var KEY = "dashboard.theme";
  var LIGHT = "material";
  var DARK = "material-dark";
  var theme = null;
  try {
    var stored = localStorage.getItem(KEY);
    if (stored === LIGHT || stored === DARK) theme = stored;
  } catch (e) {
    // Storage blocked: the system preference decides.
  }
  if (!theme) {
    theme = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches ? DARK : LIGHT;
  }

  var root = document.documentElement;
  root.setAttribute("data-theme", theme === DARK ? "dark" : "light");
  if (/[?&]kiosk=(1|true)(&|$)/.test(location.search)) root.classList.add("kiosk");
  document.cookie = KEY + "=" + theme + "; path=/; max-age=31536000; samesite=lax";

  var link = document.getElementById("radzen-theme-link");
  if (link) {
    var href = link.getAttribute("href") || "";
    var wanted = theme === DARK
      ? href.replace("/" + LIGHT + "-base.css", "/" + DARK + "-base.css")
      : href.replace("/" + DARK + "-base.css", "/" + LIGHT + "-base.css");
    if (wanted !== href) link.setAttribute("href", wanted);
  }
})();
