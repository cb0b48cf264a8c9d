// Keeps real dashboard pages open in headless Chromium for the soak, as a wall screen would:
// one tab per path, never touched. Prints a line when a page shows Blazor's error bar or logs a
// page error, so memory figures are never read off a run whose pages had died.
//   node pages.js http://127.0.0.1:5393 / /monitoring /ticker
// Playwright comes from the test project's build output (Microsoft.Playwright ships its driver).
const path = require('path');
const driver = process.env.PLAYWRIGHT_DRIVER;
const { chromium } = require(path.join(driver, 'package'));

(async () => {
  const [base, ...paths] = process.argv.slice(2);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  for (const p of paths) {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    page.on('pageerror', e => console.log(`${new Date().toISOString()} ${p} page error: ${e.message}`));
    await page.goto(base + p, { waitUntil: 'networkidle' });
    console.log(`${new Date().toISOString()} ${p} open`);
  }
  // Every minute: is any page showing Blazor's "An unhandled error has occurred" bar?
  setInterval(async () => {
    for (const page of browser.contexts().flatMap(c => c.pages())) {
      const shown = await page.locator('#blazor-error-ui').isVisible().catch(() => false);
      if (shown) console.log(`${new Date().toISOString()} ${new URL(page.url()).pathname} shows the error bar`);
    }
  }, 60_000);
  process.on('SIGTERM', async () => { await browser.close(); process.exit(0); });
})();
