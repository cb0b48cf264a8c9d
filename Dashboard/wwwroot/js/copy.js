// "Copy as configuration": the clipboard where the browser allows it (a secure context), else the
// text selected so the viewer copies it themselves.

/** Copies text; returns false after selecting element's text instead. */
export async function copyText(element, text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const range = document.createRange();
    range.selectNodeContents(element);
    const selection = getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    return false;
  }
}
