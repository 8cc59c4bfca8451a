// Takes PNG screenshots of pages with Debian's Chromium (for the README and for looking at pages).
//
//   node scripts/screenshot.mjs [options] <url> <file.png> [<url> <file.png> …]
//
// Options: --width=1280 --height=800 (viewport), --full (the whole page, not only the viewport),
// --lang=nl|en (the browser's language), --no-js (JavaScript off).
// Example, with `npm run demo` running:
//   node scripts/screenshot.mjs http://localhost:3000/ docs/screenshot-home.png
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const options = Object.fromEntries(
  process.argv
    .slice(2)
    .filter((a) => a.startsWith('--'))
    .map((a) => {
      const [key, value = 'true'] = a.slice(2).split('=');
      return [key, value];
    }),
);
const positional = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (positional.length === 0 || positional.length % 2 !== 0 || options.help) {
  console.error(
    'Usage: node scripts/screenshot.mjs [--width=1280] [--height=800] [--full] [--lang=nl|en] [--no-js] <url> <file.png> …',
  );
  process.exit(positional.length === 0 && options.help ? 0 : 1);
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--hide-scrollbars',
  ],
});
try {
  const context = await browser.newContext({
    viewport: { width: Number(options.width ?? 1280), height: Number(options.height ?? 800) },
    locale: options.lang === 'en' ? 'en-GB' : 'nl-BE',
    javaScriptEnabled: options['no-js'] === undefined,
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  for (let i = 0; i < positional.length; i += 2) {
    const url = positional[i];
    const file = positional[i + 1];
    const response = await page.goto(url, { waitUntil: 'networkidle' });
    if (!response || response.status() >= 400) {
      throw new Error(`${url} answered ${response?.status() ?? 'nothing'}`);
    }
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    await page.screenshot({ path: file, fullPage: options.full !== undefined });
    console.log(`${url} → ${file}`);
  }
} finally {
  await browser.close();
}
