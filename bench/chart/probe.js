// Wraps the global uPlot before liveChart.js uses it: the benchmark needs the plot liveChart.js
// creates (the module keeps it private) and a hook that runs after everything it draws.
(() => {
  const Original = window.uPlot;
  function Probed(options, data, target) {
    options.hooks = options.hooks || {};
    (options.hooks.draw = options.hooks.draw || []).push((u) => window.benchOnDraw?.(u));
    const plot = new Original(options, data, target);
    (window.benchPlots = window.benchPlots || []).push(plot);
    return plot;
  }

  // liveChart.js calls uPlot's static helpers (uPlot.rangeNum).
  Object.assign(Probed, Original);
  window.uPlot = Probed;
})();
