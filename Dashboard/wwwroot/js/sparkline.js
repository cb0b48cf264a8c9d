// Tiny line charts on a bare canvas: many of them on a page (one per quote row), so no library,
// no axes, and a redraw of at most once per animation frame whatever the tick rate.

import { publishPoints, trimColumns } from "./series.js";

const lines = new WeakMap();

function draw(state) {
  state.frame = 0;
  const canvas = state.canvas;
  const ratio = window.devicePixelRatio || 1;
  const width = canvas.clientWidth;
  const height = canvas.clientHeight;
  if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
  }

  const ctx = canvas.getContext("2d");
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  const { xs, ys } = state;
  if (xs.length < 2) {
    delete canvas.dataset.trend;
    return;
  }

  // The line's own direction, left end to right end: a CSS rule may colour by it, and then the
  // colour says what the line shows rather than something measured over another span.
  const first = ys[0];
  const last = ys[ys.length - 1];
  canvas.dataset.trend = last > first ? "up" : last < first ? "down" : "flat";

  let min = Infinity;
  let max = -Infinity;
  for (const y of ys) {
    min = Math.min(min, y);
    max = Math.max(max, y);
  }

  const span = max - min || 1;
  const right = xs[xs.length - 1];
  const left = right - state.seconds;
  const pad = 2;

  // The colour is the canvas's CSS colour, so the stylesheet, the trend and the theme decide it.
  ctx.strokeStyle = getComputedStyle(canvas).color;
  ctx.lineWidth = 1.25;
  ctx.lineJoin = "round";
  ctx.beginPath();
  for (let i = 0; i < xs.length; i++) {
    const px = ((xs[i] - left) / state.seconds) * width;
    const py = pad + (1 - (ys[i] - min) / span) * (height - 2 * pad);
    if (i === 0) {
      ctx.moveTo(px, py);
    } else {
      ctx.lineTo(px, py);
    }
  }

  ctx.stroke();
}

function schedule(state) {
  if (!state.frame) {
    state.frame = requestAnimationFrame(() => draw(state));
  }
}

/** Starts a sparkline on canvas with the recent points (xs in seconds, ascending). */
export function create(canvas, seconds, xs, ys) {
  // The component can be removed while its create call is on the wire (a row leaving the
  // board): its element is gone then, and there is nothing to draw.
  if (!canvas) {
    return;
  }

  destroy(canvas);
  const state = { canvas, seconds, xs: xs || [], ys: ys || [], frame: 0 };
  trimColumns([state.xs, state.ys], state.seconds);
  lines.set(canvas, state);
  publishPoints(state.canvas, state.xs);
  schedule(state);
}

/** Adds new points, ascending and after the ones it has. */
export function append(canvas, xs, ys) {
  if (!canvas) {
    return;
  }

  const state = lines.get(canvas);
  if (!state) {
    return;
  }

  const last = state.xs.length ? state.xs[state.xs.length - 1] : -Infinity;
  for (let i = 0; i < xs.length; i++) {
    if (xs[i] > last) {
      state.xs.push(xs[i]);
      state.ys.push(ys[i]);
    }
  }

  trimColumns([state.xs, state.ys], state.seconds);
  publishPoints(state.canvas, state.xs);
  schedule(state);
}

export function destroy(canvas) {
  if (!canvas) {
    return;
  }

  const state = lines.get(canvas);
  if (state && state.frame) {
    cancelAnimationFrame(state.frame);
  }

  lines.delete(canvas);
}
