// Kiosk paging: a wall screen has no one to scroll it, so a page taller than the screen is shown
// a screenful at a time, each for its share of the page's turn in the rotation, and the corner
// says which screenful this is. A page that fits is left alone. Where a page marks its blocks
// (data-kiosk-block: a panel, a host), a screenful starts at a block, so no block is cut in two.

const minimumSeconds = 5;

/**
 * Pages `main` (the kiosk's scroll box) through its height. `turnSeconds` is how long the page
 * stays before the rotation moves on; 0 means it stays, and then each screenful gets 15 s.
 * Stops by itself once `main` leaves the document (kiosk mode ended).
 */
export function start(main, indicator, turnSeconds) {
  if (!main || main.dataset.kioskPaging) {
    return;
  }

  main.dataset.kioskPaging = "on";
  let path = location.pathname;
  let page = 0;
  let shownAt = performance.now();

  let starts = [0];
  const show = (count) => {
    main.scrollTo({ top: starts[page] ?? 0, behavior: matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth" });
    main.dataset.kioskPage = String(page + 1);
    main.dataset.kioskPages = String(count);
    indicator.hidden = count < 2;
    indicator.textContent = `Screen ${page + 1} of ${count}`;
  };

  const timer = setInterval(() => {
    if (!main.isConnected) {
      clearInterval(timer);
      return;
    }

    starts = screenStarts(main);
    const count = starts.length;
    if (location.pathname !== path) {
      path = location.pathname;
      page = 0;
      shownAt = performance.now();
    }

    const share = Math.max(minimumSeconds, (turnSeconds > 0 ? turnSeconds : 15 * count) / count);
    if (count > 1 && performance.now() - shownAt >= share * 1000) {
      page = (page + 1) % count;
      shownAt = performance.now();
    }

    if (page >= count) {
      page = 0;
    }

    show(count);
  }, 1000);
  starts = screenStarts(main);
  show(starts.length);
}

// Where each screenful starts, in the scroll box's own coordinates.
function screenStarts(main) {
  const height = main.clientHeight;
  const total = main.scrollHeight;
  if (total <= height + 2) {
    return [0];
  }

  const origin = main.getBoundingClientRect().top - main.scrollTop;
  const margin = parseFloat(getComputedStyle(main).paddingTop) || 0;
  const blocks = [...main.querySelectorAll("[data-kiosk-block]")]
    .map((block) => block.getBoundingClientRect())
    .filter((box) => box.height > 0)
    .map((box) => [box.top - origin, box.bottom - origin])
    .sort((a, b) => a[0] - b[0]);

  const starts = [0];
  if (!blocks.length) {
    for (let top = height; top < total - 2; top += height) {
      starts.push(top);
    }

    return starts;
  }

  for (const [top, bottom] of blocks) {
    const start = starts[starts.length - 1];
    if (bottom > start + height && top - margin > start) {
      starts.push(top - margin);
    }
  }

  return starts;
}
