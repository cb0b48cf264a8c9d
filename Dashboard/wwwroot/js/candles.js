// A candlestick (OHLC) chart with volume bars on uPlot. The server sends the window's candles
// once, then only the candles a batch touched (the newest one changes until it closes); this
// module replaces a candle at the same x or appends it, and draws at most once per frame.

import { axisSize, followWidth, publishPoints, removePlot, scaledHeight, scheduleRedraw } from "./series.js";

const charts = new WeakMap();

function css(element, name, fallback) {
  return getComputedStyle(element).getPropertyValue(name).trim() || fallback;
}

function formatPrice(value) {
  return value == null ? "–" : value.toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

function formatVolume(value) {
  return value == null ? "–" : Math.round(value).toLocaleString();
}

function formatCompact(value) {
  return value.toLocaleString(undefined, { notation: "compact", maximumFractionDigits: 1 });
}

// 0, half and the top of the tallest bar shown, rounded to two significant figures.
function volumeSplits(u) {
  const max = u.scales.vol.max / 4;
  if (!(max > 1)) {
    return [0];
  }

  const magnitude = Math.pow(10, Math.floor(Math.log10(max)) - 1);
  const top = Math.floor(max / magnitude) * magnitude;
  u.root.closest("[data-testid=candle-chart]")?.setAttribute("data-volume-top", String(top));
  return [0, top / 2, top];
}

// Candles and volume bars, drawn over the plot: the OHLC series themselves draw no line.
function drawCandles(state) {
  return (u) => {
    const [xs, opens, highs, lows, closes, volumes] = u.data;
    if (!xs.length) {
      return;
    }

    const ctx = u.ctx;
    const up = css(state.element, "--dash-up", "#1b7a1f");
    const down = css(state.element, "--dash-down", "#c62828");
    const volume = css(state.element, "--dash-text-secondary", "#888");
    const step = Math.abs(u.valToPos(xs[0] + state.candleSeconds, "x", true) - u.valToPos(xs[0], "x", true));
    const body = Math.max(1, Math.min(step * 0.7, 24 * devicePixelRatio));
    const [first, last] = [u.series[0].idxs?.[0] ?? 0, u.series[0].idxs?.[1] ?? xs.length - 1];

    ctx.save();
    ctx.beginPath();
    ctx.rect(u.bbox.left, u.bbox.top, u.bbox.width, u.bbox.height);
    ctx.clip();
    for (let i = first; i <= last; i++) {
      if (opens[i] == null) {
        continue;
      }

      const x = u.valToPos(xs[i] + state.candleSeconds / 2, "x", true);
      const rising = closes[i] >= opens[i];
      const color = rising ? up : down;

      ctx.globalAlpha = 0.35;
      ctx.fillStyle = volume;
      const v0 = u.valToPos(0, "vol", true);
      const v1 = u.valToPos(volumes[i] ?? 0, "vol", true);
      ctx.fillRect(x - body / 2, v1, body, v0 - v1);
      ctx.globalAlpha = 1;

      ctx.strokeStyle = color;
      ctx.fillStyle = color;
      ctx.lineWidth = devicePixelRatio;
      ctx.beginPath();
      ctx.moveTo(Math.round(x) + 0.5, u.valToPos(highs[i], "y", true));
      ctx.lineTo(Math.round(x) + 0.5, u.valToPos(lows[i], "y", true));
      ctx.stroke();

      const top = u.valToPos(Math.max(opens[i], closes[i]), "y", true);
      const bottom = u.valToPos(Math.min(opens[i], closes[i]), "y", true);
      ctx.fillRect(x - body / 2, top, body, Math.max(devicePixelRatio, bottom - top));
    }

    ctx.restore();
  };
}

function options(state, config, width) {
  const element = state.element;
  const text = () => css(element, "--dash-text-secondary", "#888");
  const grid = () => css(element, "--dash-base-300", "rgba(128,128,128,.2)");
  const axis = () => ({ ...axisSize(), stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } });
  const hidden = (label, format, scale) => ({ label, scale, paths: () => null, points: { show: false }, value: (u, v) => format(v) });

  return {
    width,
    height: config.height,
    legend: { live: true, markers: { show: false } },
    cursor: { drag: { x: false, y: false } },
    scales: {
      x: {
        time: true,
        range: (u, min, max) => [Math.max(min, max + state.candleSeconds - state.windowSeconds), max + state.candleSeconds],
      },
      y: {
        range: (u, min, max) => uPlot.rangeNum(min ?? 0, max ?? 1, 0.1, true),
      },
      // Volume in the bottom quarter of the plot, under the candles.
      vol: {
        range: (u, min, max) => [0, Math.max(1, max ?? 1) * 4],
      },
    },
    // Volume has its own scale on the right, with ticks only where its bars can reach (the
    // bottom quarter), so no volume figure is ever read off the price axis.
    axes: [axis(), axis(), {
      ...axis(),
      scale: "vol",
      side: 1,
      label: "Volume",
      labelSize: Math.round(axisSize().size * 0.4),
      labelFont: axisSize().font,
      grid: { show: false },
      splits: (u) => volumeSplits(u),
      values: (u, splits) => splits.map(formatCompact),
    }],
    series: [
      {},
      hidden("Open", formatPrice, "y"),
      hidden("High", formatPrice, "y"),
      hidden("Low", formatPrice, "y"),
      hidden("Close", formatPrice, "y"),
      hidden("Volume", formatVolume, "vol"),
    ],
    hooks: { draw: [drawCandles(state)] },
  };
}

function trim(state) {
  const xs = state.data[0];
  if (!xs.length) {
    return;
  }

  const oldest = xs[xs.length - 1] + state.candleSeconds - state.windowSeconds;
  let drop = 0;
  while (drop < xs.length && xs[drop] < oldest) {
    drop++;
  }

  if (drop) {
    state.data.forEach(column => column.splice(0, drop));
  }
}

function publish(state) {
  publishPoints(state.element, state.data[0]);
  state.element.setAttribute("data-candle-seconds", String(state.candleSeconds));
  state.element.setAttribute("data-window-seconds", String(state.windowSeconds));
}

/** Creates the chart: data = [xs (candle starts, s), opens, highs, lows, closes, volumes]. */
export function create(element, config, data) {
  // Removed while this call was on the wire: nothing to draw into.
  if (!element) {
    return;
  }

  config = { ...config, height: scaledHeight(config.height) };
  destroy(element);
  const state = {
    element,
    windowSeconds: config.windowSeconds,
    candleSeconds: config.candleSeconds,
    data: data && data.length === 6 ? data : [[], [], [], [], [], []],
    frame: 0,
  };
  trim(state);
  state.plot = new uPlot(options(state, config, element.clientWidth || 300), state.data, element);
  followWidth(state, config.height);
  charts.set(element, state);
  publish(state);
}

/** Puts candles in: each row [x, open, high, low, close, volume] replaces the candle at x or follows the last. */
export function upsert(element, rows) {
  const state = element && charts.get(element);
  if (!state || !rows.length) {
    return;
  }

  const data = state.data;
  for (const row of rows) {
    const xs = data[0];
    let at = xs.length;
    while (at > 0 && xs[at - 1] > row[0]) {
      at--;
    }

    if (at > 0 && xs[at - 1] === row[0]) {
      row.forEach((value, c) => { data[c][at - 1] = value; });
    } else {
      row.forEach((value, c) => data[c].splice(at, 0, value));
    }
  }

  trim(state);
  publish(state);
  scheduleRedraw(state);
}

export function destroy(element) {
  removePlot(charts, element);
}
