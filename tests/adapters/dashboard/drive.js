// Visits dashboard pages in Debian's Chromium (playwright-core, never a downloaded browser) and
// reports what a person would see: status, text, tables, and the data each chart was drawn with.
// Usage: node drive.js PLAN.json
//   (PLAN: {"visits": [{"url", "screenshot"?, "charts"?, "click"?}]}; `click` is a selector
//   clicked once the page is loaded, and the page it leads to is the one reported)
// Prints one JSON object: {"visits": [...]}; exit 1 if the browser itself failed.
'use strict';
const fs = require('fs');
const { chromium } = require('playwright-core');

const STEP_MS = 30000;
// Without the networking flags Chromium keeps calling Google, and this machine refuses it.
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function observe(page) {
  return page.evaluate(() => {
    const tables = Array.from(document.querySelectorAll('table')).map((table) => ({
      chart: table.dataset.chart || null,
      headers: Array.from(table.querySelectorAll('thead th')).map((th) => th.textContent.trim()),
      rows: Array.from(table.querySelectorAll('tbody tr')).map((tr) =>
        Array.from(tr.cells).map((cell) => cell.dataset.value !== undefined
          ? Number(cell.dataset.value) : cell.textContent.trim()))
    }));
    const charts = Array.from(document.querySelectorAll('canvas')).map((canvas) => {
      const chart = window.Chart && window.Chart.getChart(canvas);
      return {
        id: canvas.id,
        drawn: canvas.dataset.drawn || null,
        width: canvas.width,
        labels: chart ? chart.data.labels : null,
        datasets: chart ? chart.data.datasets.map((d) => ({ label: d.label, data: d.data })) : null
      };
    });
    const metrics = {};
    document.querySelectorAll('[data-metric]').forEach((el) => {
      metrics[el.dataset.metric] = el.textContent.trim();
    });
    return { title: document.title, text: document.body.innerText, tables, charts, metrics };
  });
}

async function visit(page, step, violations) {
  violations.length = 0;
  let response = await page.goto(step.url, { waitUntil: 'load', timeout: STEP_MS });
  if (step.click) {
    [response] = await Promise.all([
      page.waitForNavigation({ waitUntil: 'load', timeout: STEP_MS }), page.click(step.click)]);
  }
  if (step.charts) {
    await page.waitForFunction(() => {
      const canvases = Array.from(document.querySelectorAll('canvas'));
      return canvases.length > 0 && canvases.every((c) => c.dataset.drawn);
    }, null, { timeout: STEP_MS });
  }
  const seen = await observe(page);
  if (step.screenshot) await page.screenshot({ path: step.screenshot, fullPage: true });
  return { url: page.url(), status: response ? response.status() : null,
    violations: violations.slice(), ...seen };
}

(async () => {
  const plan = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: FLAGS
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const violations = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/.test(message.text())) violations.push(message.text());
  });
  page.on('pageerror', (error) => violations.push(`page error: ${error.message}`));
  const visits = [];
  try {
    for (const step of plan.visits) visits.push(await visit(page, step, violations));
    process.stdout.write(JSON.stringify({ visits }));
  } catch (error) {
    process.stdout.write(JSON.stringify({ visits, error: error.message.split('\n').slice(0, 6).join('\n') }));
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
})();
