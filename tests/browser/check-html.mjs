// Loads each HTML report in Debian's chromium (through puppeteer-core)
// and checks what a reader gets: no request but the file itself, no
// console message, no script run, the verdict in the DOM (what
// chromium --dump-dom prints), a screenshot that is not blank, and the
// dark colour scheme applied when the system asks for it.
//
//   node check-html.mjs CHROMIUM SHOTS_DIR FILE.html=LABEL...
//
// where LABEL is the option the report recommends.
import { launch } from "./launch.mjs";

const [chromium, shots, ...cases] = process.argv.slice(2);
const errors = [];
const browser = await launch(chromium);

// The share of pixels that differ from the top-left one.
async function inked(page, png) {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = "data:image/png;base64," + b64;
    await img.decode();
    const c = document.createElement("canvas");
    c.width = img.width;
    c.height = img.height;
    const g = c.getContext("2d");
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4)
      if (d[i] !== d[0] || d[i + 1] !== d[1] || d[i + 2] !== d[2]) n++;
    return n / (d.length / 4);
  }, Buffer.from(png).toString("base64"));
}

async function check(file, verdict, n) {
  const fail = (msg) => errors.push(`${file}: ${msg}`);
  const url = "file://" + file;
  const page = await browser.newPage();
  await page.setViewport({ width: 900, height: 1400 });
  page.on("request", (r) => r.url() !== url && fail(`request ${r.url()}`));
  page.on("console", (m) => fail(`console ${m.type()}: ${m.text()}`));
  page.on("pageerror", (e) => fail(`page error: ${e.message}`));
  await page.goto(url, { waitUntil: "load" });
  // Text in the serialized DOM has &, < and > escaped.
  const dom = await page.content();
  const text = verdict.replace(/&/g, "&amp;").replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
  if (!dom.includes(`${text} recommended</h1>`))
    fail(`no verdict "${verdict}" in the DOM`);
  const seen = await page.evaluate(() => ({
    pwned: typeof window.pwned,
    scripts: document.querySelectorAll("script, img, iframe").length,
    svgs: document.querySelectorAll("svg[role=img] title").length,
    sheets: document.styleSheets.length,
  }));
  if (seen.pwned !== "undefined") fail("a script ran");
  if (seen.scripts > 0) fail("a script, image or frame element exists");
  if (seen.sheets !== 1) fail("the style sheet did not apply");
  const png = await page.screenshot({ path: `${shots}/${n}.png` });
  const ink = await inked(await browser.newPage(), png);
  if (ink < 0.02) fail(`the screenshot is blank (${ink})`);
  await page.emulateMediaFeatures([
    { name: "prefers-color-scheme", value: "dark" }]);
  const bg = await page.evaluate(() =>
    getComputedStyle(document.body).backgroundColor);
  if (bg !== "rgb(13, 17, 23)") fail(`dark background is ${bg}`);
  await page.close();
}

let n = 0;
for (const c of cases) {
  const i = c.indexOf("=");
  await check(c.slice(0, i), c.slice(i + 1), n++);
}
await browser.close();
for (const e of errors) console.error("FAIL: " + e);
process.exit(errors.length > 0 ? 1 : 0);
