// The dashboard in real Chromium, as a person uses it (issue 14): open it
// with a token, move the min_age slider with the keyboard and see the count
// change to what `clemency screen` gives for that age, open a person's
// explanation, download the CSV and compare it byte for byte with `clemency
// screen`'s, run a projection and see its chart. No request leaves the server.
// Usage: node dashboard_test.mjs CLEMENCY_BINARY
import fs from "node:fs";
import path from "node:path";
import { artifacts, check, clemency, guardRequests, launch, scratch, serve } from "./browser.mjs";

const binary = process.argv[2];
const dir = scratch("dashboard");
const data = path.join(dir, "pop");
const inputs = ["--data", data, "--policy", "redemption-2020", "--as-of", "2026-01-01"];
clemency(binary, ["synth", "--jurisdiction", "CA", "--people", "5000", "--seed", "5", "--as-of", "2026-01-01", "-o", data]);
clemency(binary, ["screen", ...inputs, "--set", "min_age=60 years", "-o", path.join(dir, "at60")]);
const at60 = JSON.parse(fs.readFileSync(path.join(dir, "at60", "summary.json"), "utf8")).counts;
const token = "e2e-token-0123456789";
const server = await serve(binary, [...inputs, "--token", token], dir);
const origin = `http://127.0.0.1:${server.port}/`;
const browser = await launch();
const art = artifacts();
try {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const outside = guardRequests(page, [origin, "blob:" + origin.slice(0, -1)]);
  await page.goto(origin + "#token=" + token);
  await page.waitForSelector("body[data-ready='1']", { timeout: 30000 });
  const count = async () => Number((await page.textContent("#count-eligible")).replace(/,/g, ""));
  const before = await count();
  check(before > at60.eligible, `the dashboard opens on the declared policy (${before} eligible)`);

  // The slider, moved as a person would: focus it and press the arrow key five times (55 -> 60 years).
  const slider = page.locator("input[type=range]").first();
  check((await slider.getAttribute("value")) === "55", "the min_age slider starts at the declared 55 years");
  await slider.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowRight");
  await page.waitForFunction((n) => Number(document.getElementById("count-eligible").textContent.replace(/,/g, "")) === n,
                             at60.eligible, { timeout: 20000 });
  check((await count()) === at60.eligible, `at 60 years the count is clemency screen's (${at60.eligible})`);
  const roundTrip = await page.evaluate(() => document.body.dataset.lastRoundTripMs);
  console.log(`round trip of the last re-screening in the browser: ${roundTrip} ms (5,000 people)`);
  await page.screenshot({ path: path.join(art, "dashboard.png") });

  // A person's explanation.
  const first = page.locator("#candidates a[data-person]").first();
  const id = await first.textContent();
  await first.click();
  await page.waitForFunction((pid) => document.getElementById("explanation").textContent.includes(pid), id, { timeout: 10000 });
  check((await page.textContent("#explanation")).includes("eligible"), `the explanation of ${id} opens`);

  // The CSV, downloaded from the page, against clemency screen's with the same parameters.
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#dl-csv")]);
  const saved = path.join(dir, "downloaded.csv");
  await download.saveAs(saved);
  check(fs.readFileSync(saved).equals(fs.readFileSync(path.join(dir, "at60", "screening.csv"))),
        "the downloaded screening.csv is byte for byte clemency screen's");

  // A projection and its chart.
  await page.fill("#sim-years", "2");
  await page.fill("#sim-replicates", "20");
  await page.click("#sim-run");
  await page.waitForSelector("body[data-projection-drawn='1']", { timeout: 60000 });
  check((await page.locator("#sim-chart canvas").count()) === 1, "the projection's chart is drawn");
  check((await page.textContent("#sim-headline")).includes(`${at60.eligible.toLocaleString("en-US")} people queued`),
        "the projection queues the eligible of the current screening");
  await page.locator("#sim-chart").screenshot({ path: path.join(art, "dashboard-projection.png") });
  check(errors.length === 0, "no script error " + errors.join("; "));
  check(outside.length === 0, "no request leaves the server: " + outside.join(", "));
} finally {
  await browser.close();
  server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
