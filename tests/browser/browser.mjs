// What the browser tests share: Debian's Chromium driven by playwright-core
// (both installed by scripts/install-deps.sh), a scratch folder, running
// clemency, and a guard that fails on any request leaving the allowed origin.
import { createRequire } from "node:module";
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, "../../web/package.json"));
const { chromium } = require("playwright-core");

export const CHROMIUM = process.env.CLEMENCY_CHROMIUM || "/usr/bin/chromium";

export async function launch() {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run make deps (it installs Debian's chromium)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
           "--disable-component-update", "--disable-sync"],
  });
}

export function scratch(name) {
  return fs.mkdtempSync(path.join(os.tmpdir(), `clemency-${name}-`));
}

export function clemency(binary, args) {
  return execFileSync(binary, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

// Starts clemency serve on a free loopback port; resolves to {port, stdout(), stop()}.
export async function serve(binary, args, dir) {
  const portFile = path.join(dir, "port");
  const child = spawn(binary, ["serve", "--port", "0", "--port-file", portFile, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (out += d));
  for (let i = 0; i < 1200; i++) {
    if (fs.existsSync(portFile) && fs.readFileSync(portFile, "utf8").trim()) break;
    if (child.exitCode !== null) throw new Error("clemency serve exited: " + out);
    await new Promise((r) => setTimeout(r, 50));
  }
  const port = Number(fs.readFileSync(portFile, "utf8").trim());
  return { port, stdout: () => out, stop: () => child.kill("SIGTERM") };
}

// Records every request the page makes that does not start with one of allowed.
export function guardRequests(page, allowed) {
  const outside = [];
  page.on("request", (req) => {
    if (!allowed.some((a) => req.url().startsWith(a))) outside.push(req.url());
  });
  return outside;
}

export function check(condition, message) {
  if (!condition) throw new Error("FAILED: " + message);
  console.log("ok -", message);
}

export function artifacts() {
  const dir = process.env.CLEMENCY_ARTIFACTS || path.join(os.tmpdir(), "clemency-artifacts");
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}
