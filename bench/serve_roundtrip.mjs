// The dashboard's round trip in real Chromium (BENCHMARKS.md section 8): on a
// running `clemency serve`, move the min_age slider MOVES times with the
// keyboard, alternately up and down, waiting each time for the new count.
// For each move, the page records the engine's time (server_ms) and its own,
// from sending the request to the counts redrawn (lastRoundTripMs); this
// prints their medians and 95th percentiles.
//   usage: node bench/serve_roundtrip.mjs PORT [MOVES]
import { launch } from "../tests/browser/browser.mjs";

const port = Number(process.argv[2]);
const moves = Number(process.argv[3] || 30);
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(`http://127.0.0.1:${port}/`);
await page.waitForSelector("body[data-ready='1']", { timeout: 120000 });
const slider = page.locator("input[type=range]").first();
const server = [], browserMs = [];
for (let i = 0; i < moves; i++) {
  const before = await page.evaluate(() => Number(document.body.dataset.screenings || 0));
  await slider.focus();
  await page.keyboard.press(i % 2 ? "ArrowLeft" : "ArrowRight");
  await page.waitForFunction((n) => Number(document.body.dataset.screenings || 0) > n, before, { timeout: 60000 });
  await page.waitForTimeout(150);  // the triage and the candidate list that follow each move
  const d = await page.evaluate(() => ({ s: Number(document.body.dataset.lastServerMs), b: Number(document.body.dataset.lastRoundTripMs) }));
  server.push(d.s);
  browserMs.push(d.b);
}
await browser.close();
const pct = (v, q) => { const s = [...v].sort((a, b) => a - b); return s[Math.floor(q * (s.length - 1))]; };
console.log(`${moves} slider moves`);
console.log(`server (engine) ms: median ${pct(server, 0.5).toFixed(1)}, p95 ${pct(server, 0.95).toFixed(1)}, max ${pct(server, 1).toFixed(1)}`);
console.log(`browser round trip ms: median ${pct(browserMs, 0.5).toFixed(1)}, p95 ${pct(browserMs, 0.95).toFixed(1)}, max ${pct(browserMs, 1).toFixed(1)}`);
