// Draws every Mermaid chart of a Markdown file with Mermaid itself (the
// library mermaid-cli draws with) in Debian's chromium, all in one page:
// mermaid-cli opens a page and loads Mermaid's 3 MB of script for each
// chart, which cost the test most of its time.  Writes OUT_DIR/all-N.svg
// for chart N, as mermaid-cli does, and fails on any error Mermaid or
// the page reports.
//
//   node draw-mermaid.mjs CHROMIUM REPORTS.md OUT_DIR
import { launch } from "./launch.mjs";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const [chromium, markdown, out] = process.argv.slice(2);
const charts = [...readFileSync(markdown, "utf8")
  .matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]);
const errors = [];
const browser = await launch(chromium);
const page = await browser.newPage();
page.on("pageerror", (e) => errors.push(`page error: ${e.message}`));
await page.setContent("<!doctype html><html><body></body></html>");
await page.addScriptTag({
  path: join(here, "node_modules/mermaid/dist/mermaid.min.js"),
});
await page.evaluate(() =>
  globalThis.mermaid.initialize({ startOnLoad: false }));
for (let i = 0; i < charts.length; i++) {
  try {
    const svg = await page.evaluate(async (text, id) =>
      (await globalThis.mermaid.render(id, text)).svg,
    charts[i], `chart-${i + 1}`);
    writeFileSync(join(out, `all-${i + 1}.svg`), svg);
  } catch (e) {
    errors.push(`chart ${i + 1}: ${e.message}`);
  }
}
await browser.close();
if (errors.length > 0) {
  for (const e of errors)
    console.error(`FAIL: ${e}`);
  process.exit(1);
}
console.log(`${charts.length} charts drawn`);
