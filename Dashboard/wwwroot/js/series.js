// What the canvas charts share: a window of columns (xs in seconds first, then one array per
// series) trimmed by age, and the attributes the browser tests read to see a chart advance.

/** Drops the points older than `seconds` before the newest x, from every column alike. */
export function trimColumns(columns, seconds) {
  const xs = columns[0];
  if (!xs.length) {
    return;
  }

  const oldest = xs[xs.length - 1] - seconds;
  let drop = 0;
  while (drop < xs.length && xs[drop] < oldest) {
    drop++;
  }

  if (drop > 0) {
    for (const column of columns) {
      column.splice(0, drop);
    }
  }
}

/** Marks the element with its point count, oldest and newest x. */
export function publishPoints(element, xs) {
  element.setAttribute("data-points", String(xs.length));
  element.setAttribute("data-first-x", xs.length ? String(xs[0]) : "");
  element.setAttribute("data-last-x", xs.length ? String(xs[xs.length - 1]) : "");
}
