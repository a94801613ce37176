// report.html in real Chromium (issue 14): it opens from disk with no request
// to anything but itself, draws its charts, and prints to a PDF of a sane
// number of pages. Usage: node report_test.mjs CLEMENCY_BINARY
import fs from "node:fs";
import path from "node:path";
import { artifacts, check, clemency, guardRequests, launch, scratch } from "./browser.mjs";

const binary = process.argv[2];
const dir = scratch("report");
clemency(binary, ["synth", "--jurisdiction", "CA", "--people", "5000", "--seed", "3", "--as-of", "2026-01-01", "-o", path.join(dir, "pop")]);
clemency(binary, ["simulate", "--data", path.join(dir, "pop"), "--policy", "redemption-2020", "--as-of", "2026-01-01",
                  "--years", "3", "--replicates", "50", "--board-capacity", "40", "--grant-rate", "uniform:0.3,0.6", "-o", path.join(dir, "sim")]);
const file = path.join(dir, "sim", "report.html");
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const outside = guardRequests(page, ["file://"]);
  await page.goto("file://" + file);
  await page.waitForFunction(() => Number(document.documentElement.dataset.chartsDrawn || 0) > 0, null, { timeout: 20000 });
  const charts = await page.evaluate(() => Number(document.documentElement.dataset.chartsDrawn));
  check(errors.length === 0, "the page's scripts run without an error " + errors.join("; "));
  check(outside.length === 0, "no request leaves the file: " + outside.join(", "));
  // Four composition charts, and the projection's population, two flows and crowding.
  check(charts === 8, `all eight charts are drawn (${charts})`);
  const sections = await page.$$eval("main > section", (s) => s.map((x) => x.id));
  check(sections.join(",") === "headline,groups,review,composition,current-law,authority,projection,policy,data",
        "the sections in order: " + sections.join(","));
  const art = artifacts();
  await page.locator("#projection").screenshot({ path: path.join(art, "report-projection.png") });
  await page.locator("#composition").screenshot({ path: path.join(art, "report-composition.png") });
  await page.emulateMedia({ media: "print" });
  const pdf = await page.pdf({ format: "Letter", printBackground: false });
  fs.writeFileSync(path.join(art, "report.pdf"), pdf);
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) || []).length;
  check(pages >= 3 && pages <= 25, `the printed brief has a sane page count (${pages} pages)`);
  check(await page.evaluate(() => getComputedStyle(document.querySelector("nav")).display) === "none",
        "the print stylesheet hides the contents list");
} finally {
  await browser.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
