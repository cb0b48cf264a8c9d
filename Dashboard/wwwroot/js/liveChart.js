// Live time-series charts on uPlot (loaded globally by App.razor). The server sends the window
// once at creation and then only new points; this module keeps the arrays, trims them to the
// visible window and redraws at most once per animation frame, however often points arrive.

import { fitPenToDensity, sparseWidth } from "./pen.js";
import { formatUnit } from "./units.js";
import { axisSize, followWidth, publishPoints, removePlot, scaledHeight, scheduleRedraw, trimColumns, typeScale } from "./series.js";
import { clockTime, timeAxisValues } from "./timeFormat.js";

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

function formatValue(value, unit) {
  if (value == null) {
    return "–";
  }

  const abs = Math.abs(value);
  const digits = abs >= 1000 ? 0 : abs >= 100 ? 1 : 2;
  return value.toLocaleString(undefined, { minimumFractionDigits: digits, maximumFractionDigits: digits }) + (unit ? " " + unit : "");
}

// Warning and critical levels as dashed horizontal lines over the plot: the chart's own, and
// each series' own (labelled with the series, so CPU's 70 and memory's 80 are told apart).
function drawThreshold(state, config) {
  return (u) => {
    const lines = [];
    if (state.threshold) {
      lines.push([state.threshold, null]);
    }

    config.series.forEach((s, i) => {
      if (s.threshold && u.series[i + 1].show !== false) {
        lines.push([s.threshold, s.label]);
      }
    });

    if (!lines.length) {
      return;
    }

    const ctx = u.ctx;
    const scale = typeScale();
    ctx.save();
    ctx.lineWidth = devicePixelRatio;
    ctx.setLineDash([6 * devicePixelRatio, 4 * devicePixelRatio]);
    ctx.font = `${Math.round(11 * scale * devicePixelRatio)}px system-ui, sans-serif`;
    ctx.textAlign = "right";
    ctx.textBaseline = "bottom";
    for (const [threshold, label] of lines) {
      for (const [level, color] of [[threshold.warning, "--dash-warning"], [threshold.critical, "--dash-danger"]]) {
        if (level == null) {
          continue;
        }

        const y = u.valToPos(level, "y", true);
        if (y < u.bbox.top || y > u.bbox.top + u.bbox.height) {
          continue;
        }

        const stroke = cssColor(state.element, color, "#f90");
        ctx.strokeStyle = stroke;
        ctx.beginPath();
        ctx.moveTo(u.bbox.left, y);
        ctx.lineTo(u.bbox.left + u.bbox.width, y);
        ctx.stroke();
        if (label) {
          ctx.fillStyle = cssColor(state.element, "--dash-text-secondary", "#888");
          ctx.fillText(`${label} ${level}`, u.bbox.left + u.bbox.width - 4 * devicePixelRatio, y - 2 * devicePixelRatio);
        }
      }
    }

    ctx.restore();
  };
}

// Fleet topics tick at their own times, so at most xs a series has no point: hover shows its
// nearest one instead of a dash, as long as it is close enough to belong to that moment.
function nearestValue(u, seriesIndex, index) {
  const xs = u.data[0];
  const ys = u.data[seriesIndex];
  if (index == null || !ys) {
    return null;
  }

  const reach = Math.max(5, (state(u)?.bucketSeconds || 0) * 2);
  for (let step = 0; step < xs.length; step++) {
    let best = null;
    for (const at of [index - step, index + step]) {
      if (at >= 0 && at < xs.length && ys[at] != null && Math.abs(xs[at] - xs[index]) <= reach) {
        best = best == null || Math.abs(xs[at] - xs[index]) < Math.abs(xs[best] - xs[index]) ? at : best;
      }
    }

    if (best != null) {
      return ys[best];
    }

    if ((index - step < 0 || xs[index] - xs[index - step] > reach) && (index + step >= xs.length || xs[index + step] - xs[index] > reach)) {
      return null;
    }
  }

  return null;
}

function state(u) {
  return charts.get(u.root.parentElement);
}

// Drag across the plot to zoom into that time range; the live edge stops following until the
// reset button (or a double click) brings the window back.
function zoomOnDrag(state) {
  return (u) => {
    const { left, width } = u.select;
    if (width < 4) {
      return;
    }

    state.zoom = [u.posToVal(left, "x"), u.posToVal(left + width, "x")];
    u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
    u.setScale("x", { min: state.zoom[0], max: state.zoom[1] });
    showZoom(state);
  };
}

function resetZoom(state) {
  if (!state.zoom) {
    return;
  }

  state.zoom = null;
  showZoom(state);
  state.plot.setData(state.data);
}

function showZoom(state) {
  state.element.toggleAttribute("data-zoomed", state.zoom != null);
  state.reset.hidden = state.zoom == null;
}

function addZoomReset(state) {
  const reset = document.createElement("button");
  reset.type = "button";
  reset.className = "live-chart-reset";
  reset.textContent = "Reset zoom";
  reset.hidden = true;
  reset.setAttribute("data-testid", "chart-reset-zoom");
  reset.addEventListener("click", () => resetZoom(state));
  state.element.prepend(reset);
  state.reset = reset;
  state.plot.over.addEventListener("dblclick", () => resetZoom(state));
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
  const format = config.format;
  // Labels never closer than their own width: "14:08:46" at a wall screen's type is 100 px.
  const scale = typeScale();
  const axis = (extra) => ({
    ...axisSize(),
    stroke: text,
    grid: { stroke: grid, width: 1 },
    ticks: { stroke: grid, width: 1 },
    ...extra,
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
    cursor: { drag: { x: true, y: false, setScale: false } },
    scales: {
      // The window ends at the newest point and scrolls; until the data fills it (a fresh
      // server), it spans what there is rather than leaving most of the plot empty.
      x: {
        time: true,
        range: (u, min, max) => state.zoom ?? [min < max ? Math.max(min, max - state.windowSeconds) : max - state.windowSeconds, max],
      },
      y: {
        range: (u, min, max) => {
          const [autoMin, autoMax] = uPlot.rangeNum(min ?? 0, max ?? 1, 0.1, true);
          return [config.yMin ?? autoMin, config.yMax ?? autoMax];
        },
      },
    },
    axes: [
      axis({ space: Math.round(90 * scale), values: timeAxisValues }),
      // Formatted values ("1.2 MB/s") are wider than bare numbers: their axis gets the room.
      axis({
        space: Math.round(30 * scale),
        ...(format ? { values: (u, splits) => splits.map((v) => formatUnit(v, format.unit, format.decimals)), size: Math.round(axisSize().size * 1.5) } : {}),
      }),
    ],
    series: [
      { value: (u, ts) => (ts == null ? "–" : clockTime(ts, true)) },
      ...config.series.map((s, i) => ({
        label: s.label,
        spanGaps: true,
        points: { show: false },
        stroke: () => colorOf(i),
        width: sparseWidth(),
        value: (u, v, si, idx) => {
          const shown = v ?? nearestValue(u, si, idx);
          return format ? formatUnit(shown, format.unit, format.decimals) : formatValue(shown, config.unit);
        },
      })),
    ],
    hooks: { drawClear: [fitPenToDensity], draw: [drawThreshold(state, config), recolorMarkers(colorOf)], setSeries: [markShown], setSelect: [zoomOnDrag(state)], init: [keyboardLegend] },
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
    zoom: null,
    bucketSeconds: config.bucketSeconds || 0,
  };
  trimColumns(state.data, state.windowSeconds);
  state.plot = new uPlot(options(state, config, element.clientWidth || 300), state.data, element);
  followWidth(state, config.height);
  charts.set(element, state);
  addZoomReset(state);
  element.setAttribute("data-window-seconds", String(config.windowSeconds));
  element.setAttribute("data-bucket-seconds", String(config.bucketSeconds || 0));
  element.setAttribute("data-line-width", String(sparseWidth()));
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
