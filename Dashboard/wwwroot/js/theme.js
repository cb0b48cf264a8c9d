// The theme switch's side of the page. theme-boot.js chose the theme before the first paint (the
// visitor's pick, else the system's preference) and marked the root with it; the choice is kept
// in localStorage because it belongs to the browser, not a user account (there is none).

const KEY = "dashboard.theme";

/** The theme the page shows now: "light" or "dark". */
export function shownTheme() {
  return document.documentElement.getAttribute("data-theme") === "dark" ? "dark" : "light";
}

/** The user's pick: shown at once, and kept for the next visit. */
export function rememberTheme(theme) {
  try {
    localStorage.setItem(KEY, theme);
  } catch {
    // Not remembered; the system preference applies next time.
  }
  applyTheme(theme);
}

/** Shows a theme: the root's mark, which picks the palette, and the cookie the server renders the next page with. */
function applyTheme(theme) {
  const dark = theme === "dark";
  document.cookie = `${KEY}=${dark ? "dark" : "light"}; path=/; max-age=31536000; samesite=lax`;
  document.documentElement.setAttribute("data-theme", dark ? "dark" : "light");
}

/** Kiosk mode's large type is on the root element, outside any component. */
export function markKiosk(on) {
  document.documentElement.classList.toggle("kiosk", !!on);
}
