// How thick a live chart draws its lines. Past one point per pixel column a line is no longer a
// line: uPlot draws each column's minimum and maximum, a band of short vertical strokes, and a
// 1.5 px pen only widens the band. It is also what makes a dense chart slow: Chromium turns a
// stroke wider than one device pixel into polygons with round joins at every reversal on the
// CPU (about 20 ms for seven series of 10,000 points at 420 px in headless Chromium), while a
// one-pixel stroke takes its hairline path (about 1 ms). Sparse lines keep the thicker pen.

import { typeScale } from "./series.js";

/**
 * The CSS width of a sparse line: 1.5 px on a desk; in kiosk mode it grows with the type, so a
 * wall screen's lines read from across the room (4.5 px on a 4K wall).
 */
export function sparseWidth() {
  return document.querySelector(".kiosk-frame") ? 1.5 * Math.max(1.5, 1.5 * typeScale()) : 1.5;
}

/** A uPlot drawClear hook: before each draw, each series gets the pen its density calls for. */
export function fitPenToDensity(u) {
  const xs = u.data[0];
  const [first, last] = u.series[0].idxs ?? [0, xs.length - 1];
  const columns = u.bbox.width;
  const dense = 1 / (uPlot.pxRatio || devicePixelRatio || 1);

  // Fewer xs than columns: every series is sparse, no need to count.
  const sparse = last - first + 1 <= columns;
  const pen = sparseWidth();
  for (let i = 1; i < u.series.length; i++) {
    u.series[i].width = sparse || countValues(u.data[i], first, last, columns) <= columns ? pen : dense;
  }
}

// Series share the xs but tick at their own times (nulls between), so each counts its own.
function countValues(values, first, last, enough) {
  let count = 0;
  for (let i = first; i <= last && count <= enough; i++) {
    if (values[i] != null) {
      count++;
    }
  }

  return count;
}
