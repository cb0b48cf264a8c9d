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

/**
 * A height given in CSS pixels at the default 16 px type, grown with the root font size: charts
 * keep their proportion to the text on a wall screen and in kiosk mode (app.css).
 */
export function scaledHeight(px) {
  return Math.round(px * typeScale());
}

/** The root font size over the default 16 px: 1 on a laptop, 2 in kiosk mode on a 4K wall. */
export function typeScale() {
  return (parseFloat(getComputedStyle(document.documentElement).fontSize) || 16) / 16;
}

/** uPlot axis settings whose text grows with the page's type (uPlot sizes them in pixels). */
export function axisSize() {
  const scale = typeScale();
  return { font: `${Math.round(12 * scale)}px system-ui, sans-serif`, size: Math.round(50 * scale), gap: Math.round(5 * scale) };
}

/** Marks the element with its point count, oldest and newest x. */
export function publishPoints(element, xs) {
  element.setAttribute("data-points", String(xs.length));
  element.setAttribute("data-first-x", xs.length ? String(xs[0]) : "");
  element.setAttribute("data-last-x", xs.length ? String(xs[xs.length - 1]) : "");
}

/** Redraws a chart at the next frame, once however many updates arrive before it. */
export function scheduleRedraw(state) {
  if (state.frame) {
    return;
  }

  state.frame = requestAnimationFrame(() => {
    state.frame = 0;
    state.plot.setData(state.data);
  });
}

/** Keeps a chart as wide as its element. */
export function followWidth(state, height) {
  state.resize = new ResizeObserver(() => {
    const width = state.element.clientWidth;
    if (width > 0 && width !== state.plot.width) {
      state.plot.setSize({ width, height });
    }
  });
  state.resize.observe(state.element);
}

/** Stops a chart's pending frame and observer and removes its plot. */
export function removePlot(charts, element) {
  const state = element && charts.get(element);
  if (!state) {
    return;
  }

  if (state.frame) {
    cancelAnimationFrame(state.frame);
  }

  state.resize.disconnect();
  state.plot.destroy();
  charts.delete(element);
}
