// The browser side of the /clock page (ClockComparison): ticks the browser's own clock and
// measures it against the server's. Skew is browser minus server, NTP style: ask the server
// for its time over the circuit and assume it answered half way through the round trip; of
// the last few probes, the one with the shortest round trip is the least wrong. Latency is
// when a clock tick reached this page's DOM, on the server's clock, minus the tick's publish
// time (data-ts), so it covers relay, render throttle and circuit.

const PROBES_KEPT = 8;
const PROBE_EVERY_MS = 5000;

const signed = ms => {
  const rounded = Math.round(ms); // before the sign, or -0.4 reads as "−0"
  return `${rounded > 0 ? "+" : rounded < 0 ? "−" : "±"}${Math.abs(rounded)} ms`;
};

export function start(root, server) {
  const find = id => root.querySelector(`[data-testid="${id}"]`);
  const serverTime = find("server-time");
  const browserTime = find("browser-time");
  const skewOut = find("skew");
  const latencyOut = find("latency");
  const rttOut = find("rtt");
  const zoneOut = root.querySelector("[data-role=browser-zone]");

  const format = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const offset = -new Date().getTimezoneOffset();
  const pad = n => String(Math.floor(Math.abs(n))).padStart(2, "0");
  zoneOut.textContent = `${zone} · UTC${offset >= 0 ? "+" : "-"}${pad(offset / 60)}:${pad(offset % 60)}`;

  let stopped = false;
  // Paused by the viewer: the browser's clock and the measures hold still like the rest of the page.
  let paused = false;
  let tickTimer = 0;
  let probeTimer = 0;
  let skew = null;
  const probes = [];

  // Wake just after each second turns so the display changes with the second, not up to 1 s late.
  const tick = () => {
    if (stopped) return;
    if (paused) {
      tickTimer = setTimeout(tick, 1000 - (Date.now() % 1000) + 5);
      return;
    }
    browserTime.textContent = format.format(new Date());
    browserTime.dateTime = new Date().toISOString();
    tickTimer = setTimeout(tick, 1000 - (Date.now() % 1000) + 5);
  };

  const probe = async () => {
    const sent = performance.now();
    const sentAt = Date.now();
    let serverNow;
    try {
      serverNow = await server.invokeMethodAsync("ServerNow");
    } catch {
      return; // the circuit is going away; dispose follows
    }
    if (stopped || paused) return;
    const rtt = performance.now() - sent;
    probes.push({ rtt, skew: sentAt + rtt / 2 - serverNow });
    if (probes.length > PROBES_KEPT) probes.shift();
    const best = probes.reduce((a, b) => (b.rtt < a.rtt ? b : a));
    skew = best.skew;
    skewOut.textContent = signed(skew);
    skewOut.dataset.ms = String(Math.round(skew) || 0);
    rttOut.textContent = `${Math.round(best.rtt)} ms`;
    rttOut.dataset.ms = String(Math.round(best.rtt));
  };

  const onTick = () => {
    const arrived = Date.now();
    const ts = Number(serverTime.dataset.ts);
    if (!ts || skew === null || paused) return;
    const latency = arrived - skew - ts;
    latencyOut.textContent = `${Math.round(latency)} ms`;
    latencyOut.dataset.ms = String(Math.round(latency));
  };

  const observer = new MutationObserver(onTick);
  observer.observe(serverTime, { attributes: true, attributeFilter: ["data-ts"], childList: true, characterData: true, subtree: true });

  tick();
  // A quick burst first so the numbers appear at once, then a slow trickle to follow drift.
  (async () => {
    for (let i = 0; i < 4 && !stopped; i++) {
      await probe();
      await new Promise(resolve => setTimeout(resolve, 200));
    }
    if (!stopped) probeTimer = setInterval(probe, PROBE_EVERY_MS);
  })();

  return {
    setPaused(value) {
      paused = !!value;
      if (!paused) {
        clearTimeout(tickTimer);
        tick();
      }
    },
    dispose() {
      stopped = true;
      clearTimeout(tickTimer);
      clearInterval(probeTimer);
      observer.disconnect();
    },
  };
}
