// Starts Debian's chromium headless through puppeteer-core, as every
// browser check does: one renderer process, no zygote or extensions
// (less CPU, the same pages).
import puppeteer from "puppeteer-core";

export function launch(chromium) {
  return puppeteer.launch({
    executablePath: chromium,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run",
      "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--no-zygote", "--disable-extensions",
      "--renderer-process-limit=1"],
  });
}
