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

async function pickFiltered(page, title) {
  const lists = page.locator('datalist', { has: page.locator(`option[value="${title}"]`) });
  for (const id of await lists.evaluateAll((found) => found.map((list) => list.id))) {
    const box = page.locator(`input.ac-choiceSetInput-filtered[list="${id}"]`);
    if (await box.isVisible()) {
      await box.fill(title);
      return;
    }
  }
  throw new Error(`no visible choice box offers ${title}`);
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
  // The matter is a filtered choice set (Adaptive Cards 1.5): a text box with a datalist of the
  // choices' titles. Web Chat also copies each card into a live region for screen readers, so
  // type into the visible box, not a copy.
  await pickFiltered(page, '2027-0101 Maria Garcia');
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
