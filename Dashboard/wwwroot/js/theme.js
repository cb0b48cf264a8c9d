// The theme a visitor sees first: the one they picked before, else their system's light or
// dark preference. Kept in localStorage because the choice belongs to the browser, not a user
// account (there is none).

const KEY = "dashboard.theme";

export async function preferredTheme(light, dark) {
  let preferred = null;
  try {
    const stored = localStorage.getItem(KEY);
    if (stored === light || stored === dark) preferred = stored;
  } catch {
    // Storage blocked (privacy mode): fall back to the system preference.
  }
  preferred ??= window.matchMedia?.("(prefers-color-scheme: dark)").matches ? dark : light;
  await themeLoaded();
  return preferred;
}

// Switching while the first sheet still loads aborts that request: wait for it, but not forever.
function themeLoaded() {
  const link = document.getElementById("radzen-theme-link");
  if (!link || link.sheet) return Promise.resolve();
  return new Promise(resolve => {
    link.addEventListener("load", resolve, { once: true });
    link.addEventListener("error", resolve, { once: true });
    setTimeout(resolve, 3000);
  });
}

export function rememberTheme(theme) {
  try {
    localStorage.setItem(KEY, theme);
  } catch {
    // Not remembered; the system preference applies next time.
  }
  applyTheme(theme);
}

/** Shows a theme: the Radzen sheet, the root's mark, and the cookie the server renders the next page with. */
export function applyTheme(theme) {
  const dark = theme.includes("dark");
  const link = document.getElementById("radzen-theme-link");
  if (link) {
    const href = link.getAttribute("href") || "";
    const wanted = href.replace(/\/[a-z]+(-dark)?-base\.css/, `/${theme}-base.css`);
    if (wanted !== href) link.setAttribute("href", wanted);
  }
  document.cookie = `${KEY}=${theme}; path=/; max-age=31536000; samesite=lax`;
  document.documentElement.setAttribute("data-theme", dark ? "dark" : "light");
}

/** Kiosk mode's large type is on the root element, outside any component. */
export function markKiosk(on) {
  document.documentElement.classList.toggle("kiosk", !!on);
}
