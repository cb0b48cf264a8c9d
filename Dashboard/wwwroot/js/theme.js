// The theme a visitor sees first: the one they picked before, else their system's light or
// dark preference. Kept in localStorage because the choice belongs to the browser, not a user
// account (there is none).

const KEY = "dashboard.theme";

export function preferredTheme(light, dark) {
  try {
    const stored = localStorage.getItem(KEY);
    if (stored === light || stored === dark) return stored;
  } catch {
    // Storage blocked (privacy mode): fall back to the system preference.
  }
  return window.matchMedia?.("(prefers-color-scheme: dark)").matches ? dark : light;
}

export function rememberTheme(theme) {
  try {
    localStorage.setItem(KEY, theme);
  } catch {
    // Not remembered; the system preference applies next time.
  }
}
