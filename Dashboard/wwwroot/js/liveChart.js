// Live time-series charts on uPlot (loaded globally by App.razor). The server sends the window
// once at creation and then only new points; this module keeps the arrays, trims them to the
// visible window and redraws at most once per animation frame, however often points arrive.

import { fitPenToDensity, sparseWidth } from "./pen.js";
import { axisSize, followWidth, publishPoints, removePlot, scaledHeight, scheduleRedraw, trimColumns } from "./series.js";

const charts = new WeakMap();

// Colours come from the theme's CSS variables, read at draw time, so switching between light
// and dark needs no message from the server: theme colours first, then the theme's chart series
// colours. No warning or danger colour, which on these charts mean the threshold lines; eight,
// so a fleet chart rarely repeats one.
const palette = ["--dash-primary", "--dash-info", "--dash-success", "--dash-secondary", "--dash-series-3", "--dash-series-4", "--dash-text-secondary", "--dash-series-2"];

function cssColor(element, value, fallback) {
  if (!value) {
    return fallback;
  }

  const name = value.startsWith("var(") ? value.slice(4, -1).trim() : value;
  if (name.startsWith("--")) {
    return getComputedStyle(element).getPropertyValue(name).trim() || fallback;
  }

  return value;
}

// Byte units scale the way ops tools show them (SI: 1 kB = 1,000 B), so 216,902 bytes/s reads 217 kB/s.
const byteUnits = ["B", "kB", "MB", "GB", "TB", "PB"];

function scaled(value, unit) {
  if (unit !== "bytes" && unit !== "bytes/s") {
    return [value, unit];
  }

  let v = value;
  let i = 0;
  while (Math.abs(v) >= 1000 && i < byteUnits.length - 1) {
    v /= 1000;
    i++;
  }

  return [v, byteUnits[i] + (unit === "bytes/s" ? "/s" : "")];
}

function formatValue(value, unit) {
  if (value == null) {
    return "–";
  }

  const [v, u] = scaled(value, unit);
  const abs = Math.abs(v);
  const digits = abs >= 1000 ? 0 : abs >= 100 ? 1 : 2;
  return v.toLocaleString(undefined, { minimumFractionDigits: digits, maximumFractionDigits: digits }) + (u ? " " + u : "");
}

// Value-axis ticks: short enough for the axis' fixed width, so 216,902 is not cut to "0,000".
const compact = new Intl.NumberFormat(undefined, { notation: "compact", maximumFractionDigits: 1 });

function formatTick(value, unit) {
  const [v, u] = scaled(value, unit);
  if (u !== unit) {
    return v.toLocaleString(undefined, { maximumFractionDigits: 1 }) + " " + u;
  }

  return Math.abs(v) >= 10000 ? compact.format(v) : v.toLocaleString(undefined, { maximumFractionDigits: 3 });
}

// The value axis grows to its widest tick label ("800 kB/s"), never below the usual width,
// as uPlot's own examples size it; the first cycles settle the size, later ones keep it.
function fitLabels(minimum) {
  return (u, values, axisIdx, cycleNum) => {
    const axis = u.axes[axisIdx];
    if (cycleNum > 1) {
      return axis._size;
    }

    const longest = (values ?? []).reduce((a, v) => (v.length > a.length ? v : a), "");
    if (!longest) {
      return minimum;
    }

    u.ctx.font = axis.font[0];
    const measured = axis.ticks.size + axis.gap + u.ctx.measureText(longest).width / devicePixelRatio;
    return Math.max(minimum, Math.ceil(measured));
  };
}

// Warning and critical levels as dashed horizontal lines over the plot.
function drawThreshold(state) {
  return (u) => {
    const threshold = state.threshold;
    if (!threshold) {
      return;
    }

    const ctx = u.ctx;
    const levels = [[threshold.warning, "--dash-warning"], [threshold.critical, "--dash-danger"]];
    ctx.save();
    ctx.lineWidth = devicePixelRatio;
    ctx.setLineDash([6 * devicePixelRatio, 4 * devicePixelRatio]);
    for (const [level, color] of levels) {
      if (level == null) {
        continue;
      }

      const y = u.valToPos(level, "y", true);
      if (y < u.bbox.top || y > u.bbox.top + u.bbox.height) {
        continue;
      }

      ctx.strokeStyle = cssColor(state.element, color, "#f90");
      ctx.beginPath();
      ctx.moveTo(u.bbox.left, y);
      ctx.lineTo(u.bbox.left + u.bbox.width, y);
      ctx.stroke();
    }

    ctx.restore();
  };
}

// uPlot styles legend markers once; the theme can change after that (light/dark switch).
function recolorMarkers(colorOf) {
  return (u) => {
    u.root.querySelectorAll(".u-legend .u-series").forEach((row, i) => {
      const marker = row.querySelector(".u-marker");
      if (i > 0 && marker) {
        const color = colorOf(i - 1);
        if (marker.style.background !== color) {
          marker.style.borderColor = color;
          marker.style.background = color;
        }
      }
    });
  };
}

// uPlot shows and hides a series when its legend entry is clicked; this makes the entries
// reachable and usable from the keyboard too, and says whether each series is shown.
function keyboardLegend(u) {
  const canvas = u.root.querySelector(".u-wrap");
  if (canvas) {
    canvas.setAttribute("role", "img");
    canvas.setAttribute("aria-label", u.root.parentElement?.getAttribute("aria-label") || "chart");
  }

  u.root.querySelectorAll(".u-legend .u-series").forEach((row, i) => {
    if (i === 0) {
      return;
    }

    row.tabIndex = 0;
    row.setAttribute("role", "button");
    row.setAttribute("aria-pressed", String(u.series[i].show !== false));
    row.title = "Show or hide this series";
    row.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        // uPlot listens on the entry's label cell.
        (row.querySelector("th") ?? row).click();
      }
    });
  });
}

function markShown(u, i) {
  const row = u.root.querySelectorAll(".u-legend .u-series")[i];
  if (row) {
    row.setAttribute("aria-pressed", String(u.series[i].show !== false));
  }
}

function options(state, config, width) {
  const element = state.element;
  const text = () => cssColor(element, "--dash-text-secondary", "#888");
  const grid = () => cssColor(element, "--dash-base-300", "rgba(128,128,128,.2)");
  const axis = () => ({
    ...axisSize(),
    stroke: text,
    grid: { stroke: grid, width: 1 },
    ticks: { stroke: grid, width: 1 },
  });

  const colorOf = (i) => cssColor(element, config.series[i].color || palette[i % palette.length], "#3b82f6");

  return {
    width,
    height: config.height,
    // Markers are drawn before the first frame, when uPlot has not yet resolved the series'
    // stroke functions, so they get their colour the same way.
    legend: {
      live: true,
      markers: {
        stroke: (u, i) => (i > 0 ? colorOf(i - 1) : "transparent"),
        fill: (u, i) => (i > 0 ? colorOf(i - 1) : "transparent"),
      },
    },
    cursor: { drag: { x: false, y: false } },
    scales: {
      // The window ends at the newest point and scrolls; until the data fills it (a fresh
      // server), it spans what there is rather than leaving most of the plot empty.
      x: {
        time: true,
        range: (u, min, max) => [min < max ? Math.max(min, max - state.windowSeconds) : max - state.windowSeconds, max],
      },
      y: {
        range: (u, min, max) => {
          const [autoMin, autoMax] = uPlot.rangeNum(min ?? 0, max ?? 1, 0.1, true);
          return [config.yMin ?? autoMin, config.yMax ?? autoMax];
        },
      },
    },
    axes: [axis(), { ...axis(), values: (u, splits) => splits.map((v) => (v == null ? "" : formatTick(v, config.unit))), size: fitLabels(axis().size) }],
    series: [
      {},
      ...config.series.map((s, i) => ({
        label: s.label,
        spanGaps: true,
        width: sparseWidth,
        points: { show: false },
        stroke: () => colorOf(i),
        value: (u, v) => formatValue(v, config.unit),
      })),
    ],
    hooks: { drawClear: [fitPenToDensity], draw: [drawThreshold(state), recolorMarkers(colorOf)], setSeries: [markShown], init: [keyboardLegend] },
  };
}

/** Creates (or recreates) the chart in element with the window's points: data = [xs, ...ys]. */
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
    threshold: config.threshold,
    data: data && data.length === config.series.length + 1 ? data : [[], ...config.series.map(() => [])],
    frame: 0,
  };
  trimColumns(state.data, state.windowSeconds);
  state.plot = new uPlot(options(state, config, element.clientWidth || 300), state.data, element);
  followWidth(state, config.height);
  charts.set(element, state);
  element.setAttribute("data-window-seconds", String(config.windowSeconds));
  element.setAttribute("data-bucket-seconds", String(config.bucketSeconds || 0));
  publishPoints(state.element, state.data[0]);
}

/** Adds new points: xs ascending, ys one array per series (null where a series has no value at that x). */
export function append(element, xs, ys) {
  const state = element && charts.get(element);
  if (!state || !xs.length) {
    return;
  }

  const data = state.data;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    const columnX = data[0];
    let at = columnX.length;

    // Topics tick independently, so a point can land at or before the newest x.
    while (at > 0 && columnX[at - 1] > x) {
      at--;
    }

    if (at > 0 && columnX[at - 1] === x) {
      for (let s = 0; s < ys.length; s++) {
        if (ys[s][i] != null) {
          data[s + 1][at - 1] = ys[s][i];
        }
      }

      continue;
    }

    columnX.splice(at, 0, x);
    for (let s = 0; s < ys.length; s++) {
      data[s + 1].splice(at, 0, ys[s][i] ?? null);
    }
  }

  trimColumns(state.data, state.windowSeconds);
  publishPoints(state.element, state.data[0]);
  scheduleRedraw(state);
}

/** Removes the chart and its observers. */
export function destroy(element) {
  removePlot(charts, element);
}
