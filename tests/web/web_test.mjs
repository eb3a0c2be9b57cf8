// Browser test of the web page of `backscroll serve`: Debian's chromium,
// headless, driven by playwright-core. Plants a small Slack export with a
// public thread and a private channel that share a word, serves it, then
// searches, opens a thread and its surrounding conversation, copies the thread
// as Markdown and downloads it as HTML, checks that the private message stays
// hidden without a token (in every format) and shows with one, that a
// message's HTML is shown as text, and that the page fits a phone.
//
//   node web_test.mjs /path/to/backscroll
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const binary = path.resolve(process.argv[2] || '../../build/app/backscroll');
const TOKEN = 'web-test-token-0123456789';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'backscroll-web-'));
let server = null;
let browser = null;
let failures = 0;

function check(ok, what) {
  console.log(`${ok ? 'ok' : 'not ok'} - ${what}`);
  if (!ok) failures++;
}

function writeJson(file, value) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value, null, 1));
}

function plantExport(dir) {
  const user = (id, name) => ({ id, name, real_name: name, deleted: false, is_bot: false,
    profile: { real_name: name, display_name: '' } });
  const channel = (id, name) => ({ id, name, created: 1600000000, creator: 'U01ANN',
    is_archived: false, members: ['U01ANN', 'U02BOB'], topic: { value: '' }, purpose: { value: '' } });
  writeJson(`${dir}/users.json`, [user('U01ANN', 'ann'), user('U02BOB', 'bob')]);
  writeJson(`${dir}/channels.json`, [channel('C01GEN', 'general'), channel('C02RND', 'random')]);
  writeJson(`${dir}/groups.json`, [channel('G01VLT', 'vault')]);
  writeJson(`${dir}/dms.json`, []);
  writeJson(`${dir}/mpims.json`, []);
  const msg = (user, ts, text, extra = {}) => ({ type: 'message', user, text, ts, ...extra });
  writeJson(`${dir}/general/2020-10-01.json`, [
    msg('U01ANN', '1601553600.000100', 'zanzibar rollout plan for friday',
      { thread_ts: '1601553600.000100', reply_count: 1 }),
    msg('U02BOB', '1601553700.000200', 'zanzibar canary is green',
      { thread_ts: '1601553600.000100', parent_user_id: 'U01ANN' }),
    msg('U02BOB', '1601553800.000300', 'coffee anyone?'),
  ]);
  writeJson(`${dir}/random/2020-10-01.json`, [
    msg('U02BOB', '1601554000.000400',
      'zanzibar &lt;img src=x onerror="window.__pwned=1"&gt; &lt;b&gt;not bold&lt;/b&gt;'),
  ]);
  writeJson(`${dir}/vault/2020-10-01.json`, [
    msg('U01ANN', '1601555000.000500', 'zanzibar launch codes are 4242'),
  ]);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

async function waitHealthy(base) {
  for (let i = 0; i < 200; i++) {
    try { if ((await fetch(base + '/healthz')).ok) return; } catch (e) { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('backscroll serve did not become healthy');
}

async function search(page, query) {
  await page.keyboard.press('Escape');
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  await page.keyboard.press('/');  // Focuses (and selects) the search box.
  await page.keyboard.type(query);
  await page.keyboard.press('Enter');
  await page.waitForFunction((q) => {
    const s = document.getElementById('status').textContent;
    return location.hash.includes(encodeURIComponent(q).replace(/%20/g, '+')) &&
      !s.startsWith('Searching') && !s.startsWith('Type');
  }, query);
}

// The open thread (#general, opened at its reply) copied as Markdown and
// downloaded as HTML: exactly what the API gives for format=markdown|html.
async function documents(page, base) {
  const api = base + '/api/thread/C01GEN/1601553700.000200?format=';
  const markdown = await (await fetch(api + 'markdown')).text();
  const lines = markdown.split('\n');
  check(lines[0] === '# #general · 2020-10-01 · zanzibar rollout plan for friday',
    'the Markdown starts with the thread heading: ' + lines[0]);
  for (const line of ['Thread of 2 messages in #general, 2020-10-01 12:00 – 12:01 (UTC).',
    '**ann** · 2020-10-01 12:00', 'zanzibar rollout plan for friday', '**bob** · 12:01',
    'zanzibar canary is green']) check(lines.includes(line), 'the Markdown has the line ' + line);
  check(!markdown.includes('coffee'), 'the Markdown holds the thread only');

  check(await page.locator('#copy-markdown').isVisible() &&
    await page.locator('#download-html').isVisible(), 'the thread tab shows the document buttons');
  await page.locator('#copy-markdown').click();
  await page.waitForFunction(() => /Copied|failed/.test(document.getElementById('action-status').textContent));
  check(await page.locator('#action-status').innerText() === 'Copied',
    'Copy as Markdown says Copied: ' + await page.locator('#action-status').innerText());
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  check(copied === markdown, 'the clipboard holds the Markdown of the thread');

  const html = await (await fetch(api + 'html')).text();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('#download-html').focus().then(() => page.keyboard.press('Enter')),
  ]);
  check(download.suggestedFilename() === 'thread-C01GEN-1601553600.000100.html',
    'the download is named for the thread: ' + download.suggestedFilename());
  const saved = fs.readFileSync(await download.path(), 'utf8');
  check(saved.startsWith('<!DOCTYPE html>') && saved.includes('zanzibar canary is green') &&
    saved === html, 'the download is the HTML page of the thread');
  await page.waitForFunction(() => /^Downloaded/.test(document.getElementById('action-status').textContent));

  await page.locator('#tab-context').click();
  await page.waitForFunction(() => document.getElementById('panel-title').textContent.startsWith('#general'));
  check(await page.locator('#panel-actions').isHidden(), 'the context tab has no document buttons');
  await page.locator('#tab-thread').click();
  await page.waitForFunction(() => !document.getElementById('panel-actions').hidden);
}

async function main() {
  const exportDir = path.join(work, 'export');
  const archive = path.join(work, 'archive');
  plantExport(exportDir);
  const ingest = spawnSync(binary, ['--archive', archive, 'ingest', exportDir], { encoding: 'utf8' });
  if (ingest.status !== 0) throw new Error('ingest failed: ' + ingest.stderr);
  fs.writeFileSync(path.join(work, 'tokens'), `# web test\n${TOKEN} all\n`);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  server = spawn(binary, ['--archive', archive, 'serve', '--listen', `127.0.0.1:${port}`,
    '--tokens', path.join(work, 'tokens')],
  { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, TZ: 'UTC' } });
  let serverLog = '';
  server.stderr.on('data', (d) => { serverLog += d; });
  await waitHealthy(base);

  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 },
    acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(base + '/');
  check(await page.title() === 'backscroll', 'the page loads');

  // Search without a token: the public hits, highlighted; the private one hidden.
  await search(page, 'zanzibar');
  const hits = page.locator('#hits .hit');
  check(await hits.count() === 3, `3 public hits without a token (got ${await hits.count()})`);
  const text = await page.locator('#results').innerText();
  check(text.includes('zanzibar rollout plan') && text.includes('canary is green'),
    'the planted public messages are shown');
  check(!text.includes('launch codes') && !text.includes('vault'), 'the private message is hidden');
  check(await page.locator('#hits mark').first().innerText() === 'zanzibar', 'matches are highlighted');
  check(text.includes('#general') && text.includes('ann'), 'hits show channel and author');
  check(await page.locator('#hits time').count() === 3, 'hits show their date');
  check(text.includes('<img src=x onerror') && text.includes('<b>not bold</b>'),
    'message HTML is shown as text');
  check(await page.evaluate(() => window.__pwned === undefined), 'message HTML never runs');
  const facets = await page.locator('#facets').innerText();
  check(facets.includes('general') && facets.includes('random') && !facets.includes('vault'),
    'facets list the visible channels only');

  // Open the thread, then the conversation around it; Esc closes.
  await page.locator('#hits .hit-open', { hasText: 'canary is green' }).click();
  await page.waitForFunction(() => document.getElementById('panel-title').textContent.startsWith('Thread'));
  const thread = await page.locator('#panel-body').innerText();
  check(await page.locator('#panel-title').innerText() === 'Thread in #general', 'the thread opens');
  check(thread.includes('zanzibar rollout plan') && thread.includes('canary is green') &&
    !thread.includes('coffee'), 'the thread holds the parent and the reply');
  check(page.url().includes('open=C01GEN'), 'the open thread is in the URL (permalink)');
  await documents(page, base);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.getElementById('panel').hidden);
  await page.locator('#hits .hit-open', { hasText: 'rollout plan' }).click();
  await page.waitForFunction(() => document.getElementById('panel-title').textContent === 'Thread in #general');
  await page.locator('#tab-context').click();
  await page.waitForFunction(() => document.getElementById('panel-title').textContent === '#general');
  const around = await page.locator('#panel-body').innerText();
  check(around.includes('zanzibar rollout plan') && around.includes('coffee anyone?') &&
    !around.includes('canary'), 'the surrounding conversation opens (channel messages only)');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.getElementById('panel').hidden);
  check(true, 'Esc closes the thread');

  // A permalink to the private thread shows nothing of it.
  await page.goto(base + '/#q=zanzibar&open=G01VLT%2F1601555000.000500&tab=thread');
  await page.waitForFunction(() => /no conversation/.test(document.getElementById('panel-title').textContent));
  check(!(await page.locator('body').innerText()).includes('launch codes'),
    'a private thread stays hidden without a token');
  check(await page.locator('#panel-actions').isHidden(), 'no document buttons for a hidden thread');
  const secretPath = '/api/thread/G01VLT/1601555000.000500?format=';
  for (const format of ['markdown', 'html']) {
    const res = await fetch(base + secretPath + format);
    const body = await res.text();
    check(res.status === 404 && body === '{"error":"no conversation named #G01VLT"}',
      `the private thread's ${format} is 404 without a token (got ${res.status} ${body})`);
  }
  const granted = await fetch(base + secretPath + 'markdown',
    { headers: { Authorization: 'Bearer ' + TOKEN } });
  check(granted.status === 200 && (await granted.text()).includes('zanzibar launch codes are 4242'),
    "the private thread's markdown shows with a token");

  // With a token (asked once, kept in localStorage) the private message shows.
  await page.keyboard.press('Escape');
  await page.locator('#token-toggle').click();
  await page.locator('#token').fill(TOKEN);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('#hits .hit').length === 4);
  check((await page.locator('#results').innerText()).includes('launch codes'),
    'the private message shows with a token');
  await page.reload();
  await page.waitForFunction(() => document.querySelectorAll('#hits .hit').length === 4);
  check(true, 'the token is kept across reloads');

  // A wrong token is refused and the token field asks again.
  await page.evaluate(() => localStorage.setItem('backscroll.token', 'wrong-token-000'));
  await page.reload();
  await page.waitForFunction(() => !document.getElementById('token-form').hidden);
  check((await page.locator('#token-note').innerText()).includes('refused'), 'a wrong token is asked again');

  // A phone: nothing wider than the screen.
  await page.evaluate(() => localStorage.removeItem('backscroll.token'));
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto(base + '/?phone#q=zanzibar');
  await page.waitForFunction(() => document.querySelectorAll('#hits .hit').length === 3);
  check(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    'the page fits a phone screen');
  await page.locator('#hits .hit-open', { hasText: 'rollout plan' }).click();
  await page.waitForFunction(() => !document.getElementById('panel-actions').hidden);
  const inView = async (id) => {
    const box = await page.locator(id).boundingBox();
    return box && box.x >= 0 && box.x + box.width <= 390 && box.y >= 0 && box.y + box.height <= 800;
  };
  check(await inView('#copy-markdown') && await inView('#download-html'),
    'the document buttons show on a phone');
  check(pageErrors.length === 0, 'no script errors' + (pageErrors.length ? ': ' + pageErrors.join('; ') : ''));
  if (failures) console.log(serverLog);
}

try {
  await main();
} catch (e) {
  console.log('not ok - ' + (e.stack || e));
  failures++;
} finally {
  if (browser) await browser.close();
  if (server) server.kill('SIGTERM');
  fs.rmSync(work, { recursive: true, force: true });
}
console.log(failures ? `${failures} failed` : 'all passed');
process.exit(failures ? 1 : 0);
