// Numbers as ops tools show them, the same as the server's ValueFormat (Dashboard/Boards):
// the unit scaled to the value (1.2 MB/s, 3.4 k/s, 250 ms, 1.5 s), SI prefixes, a few digits.

const prefixes = ["", "k", "M", "G", "T", "P"];

function si(value, unit) {
  let scaled = value;
  let prefix = 0;
  while (Math.abs(scaled) >= 1000 && prefix < prefixes.length - 1) {
    scaled /= 1000;
    prefix++;
  }

  const name = prefixes[prefix] + unit;
  return [scaled, name === "" ? "" : name.startsWith("/") ? name : " " + name];
}

function duration(seconds) {
  const abs = Math.abs(seconds);
  return abs === 0 ? [0, " s"]
    : abs < 1 ? [seconds * 1000, " ms"]
    : abs < 60 ? [seconds, " s"]
    : abs < 3600 ? [seconds / 60, " min"]
    : abs < 86400 ? [seconds / 3600, " h"]
    : [seconds / 86400, " d"];
}

function scale(value, unit) {
  switch (unit) {
    case "percent": return [value, " %"];
    case "ms": return duration(value / 1000);
    case "s": return duration(value);
    case "bytes": return si(value, "B");
    case "bytes/s": return si(value, "B/s");
    case "count": return si(value, "");
    case "count/s": return si(value, "/s");
    default: return [value, ""];
  }
}

/** value in unit (one of the boards' units), with decimals digits, or by size when decimals is null. */
export function formatUnit(value, unit, decimals) {
  if (value == null) {
    return "–";
  }

  const [scaled, suffix] = scale(value, unit);
  const abs = Math.abs(scaled);
  const digits = decimals ?? (unit === "currency" ? 2 : abs >= 100 || abs === 0 ? 0 : abs >= 1 ? 1 : 2);
  return scaled.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits }) + suffix;
}
