// The symbols a viewer watches on /ticker, kept in this browser: a trading screen is set up
// once and expected to come back the same after a reload or a restart.

const KEY = "dashboard.watchlist";

/** The saved symbols, or null when none were saved (then every symbol is shown). */
export function load() {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? "null");
    return Array.isArray(saved) ? saved.filter(s => typeof s === "string") : null;
  } catch {
    return null;
  }
}

export function save(symbols) {
  try {
    if (symbols === null) {
      localStorage.removeItem(KEY);
    } else {
      localStorage.setItem(KEY, JSON.stringify(symbols));
    }
  } catch {
    // Storage blocked: the choice lasts as long as the page.
  }
}
