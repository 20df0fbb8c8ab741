// What every end-to-end step shares: the browser and page, checks that print
// "ok - …", screenshots in both themes and answering the app's native dialogs.
import { chromium } from 'playwright-core';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const BASE = process.env.BASE_URL ?? 'http://localhost:34115';
export const OUT = process.env.OUT ?? '../build/e2e';
mkdirSync(OUT, { recursive: true });

export function check(cond, what) {
  if (!cond) throw new Error(`check failed: ${what}`);
  console.log(`ok - ${what}`);
}

export const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-quic'],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
export const page = await context.newPage();
page.setDefaultTimeout(15000);
export const errors = [];
// Wails' dev bridge (wails/ipc.js, only under `wails dev` in a browser) sends on
// a socket it already closed when a call leaves while the page is unloading;
// the release window has no socket. Every other page error fails the run.
const devBridgeUnloading = (e) => /reading 'send'/.test(String(e)) && /wails\/ipc\.js/.test(e.stack ?? '');
page.on('pageerror', (e) => {
  if (devBridgeUnloading(e)) console.log('note - ignored the dev bridge sending while the page unloaded:', String(e));
  else errors.push(String(e));
});

export async function shot(name) {
  await page.waitForTimeout(250); // let transitions settle
  await page.screenshot({ path: `${OUT}/${name}.png` });
  console.log(`screenshot ${OUT}/${name}.png`);
}

export async function bothThemes(name) {
  await page.emulateMedia({ colorScheme: 'light' });
  await shot(`${name}-light`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(`${name}-dark`);
  await page.emulateMedia({ colorScheme: 'light' });
}

// answerDialog starts answering the native open or save dialog titled title
// (in the app's own X display) with path, before click opens it.
export async function answerDialog(kind, title, path, click) {
  const answer = spawn('../build/scripts/dialog-answer.sh', [kind, title, path], { stdio: 'inherit' });
  const answered = new Promise((resolve) => answer.on('exit', resolve));
  await click();
  check((await answered) === 0, `the "${title}" dialog was answered`);
}

// withTempFile writes a file in a fresh temporary folder, gives its path to
// fn and removes the folder afterwards (Go reads chosen files again later).
export async function withTempFile(name, text, fn) {
  const dir = mkdtempSync(join(tmpdir(), 'hirebench-e2e-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  try {
    return await fn(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
