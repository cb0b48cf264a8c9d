// The one way the charts write a time of day: the viewer's locale, always 24-hour, as the
// server-rendered times (alerts, "updated") are, so an axis and an alert never disagree in form.

const withSeconds = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });
const withoutSeconds = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/** A time of day from Unix seconds: 14:08:46, or 14:08 without seconds. */
export function clockTime(seconds, showSeconds) {
  return (showSeconds ? withSeconds : withoutSeconds).format(new Date(seconds * 1000));
}

/** uPlot axis values for a time axis: seconds only when the ticks are less than a minute apart. */
export function timeAxisValues(u, splits, axisIndex, space, increment) {
  const seconds = increment < 60;
  return splits.map((split) => clockTime(split, seconds));
}
