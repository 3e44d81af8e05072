// Drives Web Chat in Debian's Chromium (playwright-core, never a downloaded browser):
// type a delegation, answer the confirmation card, click Delegate, wait for the answers.
// Usage: node drive.js URL SCREENSHOT   (exit 0 when every step was seen)
'use strict';
const { chromium } = require('playwright-core');

const [url, screenshot] = process.argv.slice(2);
const STEP_MS = 30000;
// Without the networking flags Chromium keeps calling Google, and this machine refuses it.
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function step(name) {
  console.log(`step: ${name}`);
}

async function run(page) {
  await page.goto(url);
  const box = page.locator('[data-id="webchat-sendbox-input"]');
  await box.waitFor({ timeout: STEP_MS });
  step('web chat is up');
  await box.fill('delegate draft demand letter for Garcia by Friday');
  await box.press('Enter');
  await page.getByText("Let's confirm the details.").waitFor({ timeout: STEP_MS });
  step('the confirmation card arrived');
  // Web Chat also copies each card into a live region for screen readers: use the real inputs
  // (Adaptive Cards' own classes), not the copies.
  await page.locator('select.ac-input', { has: page.locator('option[value="2027-0101"]') })
    .selectOption('2027-0101');
  await page.locator('button.ac-pushButton', { hasText: /^Delegate$/ }).click();
  step('clicked Delegate');
  await page.getByText(/offered to Ben Ortiz/).first().waitFor({ timeout: STEP_MS });
  step('the task was offered');
  await page.getByText(/can't receive lpo-bot messages in Teams/).first()
    .waitFor({ timeout: STEP_MS });
  step('a proactive message arrived');
}

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: FLAGS
  });
  const page = await browser.newPage({ viewport: { width: 960, height: 1600 } });
  page.on('pageerror', (error) => console.log(`page error: ${error.message}`));
  try {
    await run(page);
    console.log('ok');
  } catch (error) {
    console.log(`failed: ${error.message.split('\n').slice(0, 8).join('\n')}`);
    process.exitCode = 1;
  } finally {
    await page.screenshot({ path: screenshot, fullPage: true });
    await browser.close();
  }
})();
