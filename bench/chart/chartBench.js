// Redraw time of the app's live chart (liveChart.js on uPlot) with many points per series.
// Each round does what the app does per update: append one new point per series (the oldest
// one scrolls out), then the chart's own animation-frame redraw calls setData. Timed: from
// setData to the end of the draw hooks (draw), and to the end of a 1-pixel readback taken right
// there, which makes the canvas rasterize what was drawn (draw+flush): Chromium records canvas
// commands and may turn them into pixels later, so the first number alone can flatter.

import { append, create, destroy } from "/js/liveChart.js";

const palette = [null, null, null, null, null, null, null, null];

function walk(n, seed) {
  const values = new Array(n);
  let v = 50 + seed;
  for (let i = 0; i < n; i++) {
    v = Math.min(100, Math.max(0, v + (Math.sin(i * 0.37 + seed) + Math.cos(i * 0.11 * seed)) * 1.5));
    values[i] = Math.round(v * 10000) / 10000;
  }

  return values;
}

function quantile(sorted, q) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : null;
}

function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), max: sorted[sorted.length - 1] };
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));

window.runBench = async ({ points, series, width, height, redraws, warmup }) => {
  const element = document.getElementById("chart");
  element.style.width = `${width}px`;
  const step = 0.25;
  const start = Math.floor(Date.now() / 1000) - points * step;
  const xs = Array.from({ length: points }, (_, i) => start + i * step);
  const ys = Array.from({ length: series }, (_, s) => walk(points, s + 1));
  const config = {
    height,
    windowSeconds: points * step,
    bucketSeconds: 0,
    yMin: 0,
    yMax: 100,
    unit: "%",
    threshold: { warning: 70, critical: 90 },
    series: Array.from({ length: series }, (_, s) => ({ label: `host-${s + 1}`, color: palette[s] })),
  };

  destroy(element);
  create(element, config, [xs, ...ys]);
  const plot = window.benchPlots[window.benchPlots.length - 1];

  let setDataAt = 0;
  let drawnAt = 0;
  let flushedAt = 0;
  const setData = plot.setData;
  plot.setData = (...args) => {
    setDataAt = performance.now();
    return setData(...args);
  };
  window.benchOnDraw = (u) => {
    drawnAt = performance.now();
    u.ctx.getImageData(0, 0, 1, 1);
    flushedAt = performance.now();
  };

  const js = [];
  const flush = [];
  const appendMs = [];
  let x = xs[xs.length - 1];
  for (let round = 0; round < warmup + redraws; round++) {
    x += step;
    const newYs = Array.from({ length: series }, (_, s) => [50 + 40 * Math.sin(round * 0.1 + s)]);
    const before = performance.now();
    append(element, [x], newYs);
    const appended = performance.now();
    drawnAt = 0;

    // The chart's own requestAnimationFrame callback runs first, then uPlot draws in a microtask.
    await nextFrame();
    await nextFrame();
    if (!drawnAt) {
      throw new Error("the chart did not redraw within two frames");
    }

    if (round >= warmup) {
      js.push(drawnAt - setDataAt);
      flush.push(flushedAt - setDataAt);
      appendMs.push(appended - before);
    }
  }

  const result = {
    points: plot.data[0].length,
    series,
    width: plot.width,
    height: plot.height,
    devicePixelRatio,
    redraws,
    draw: summary(js),
    drawAndFlush: summary(flush),
    append: summary(appendMs),
  };
  destroy(element);
  return result;
};

window.benchReady = true;
