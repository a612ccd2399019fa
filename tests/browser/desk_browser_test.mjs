// The review desk in a real browser: Debian's headless Chromium driven over the DevTools
// protocol through a pipe (--remote-debugging-pipe: messages on the browser's fds 3 and 4, each
// ended by a NUL; any node of Debian's, no npm package, no WebSocket). It opens
// the desk over a database of one digital sample, clicks a field and sees its box on the page,
// types a correction, saves, reloads and sees it, and checks that `jixiao export` carries it.
// Screenshots of the list and the document view are kept in the work folder.
//
//   node tests/browser/desk_browser_test.mjs JIXIAO SOURCE_DIR WORK_DIR
//
// Exit 0 passed, 1 failed, 77 skipped (no chromium; with CI=true that fails instead).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const [jixiao, sourceDir, workDir] = process.argv.slice(2);
const CHROMIUM = process.env.JIXIAO_CHROMIUM || '/usr/bin/chromium';
// How long one step may take before the test gives up (a page, a save, a reload).
const STEP_TIMEOUT_MS = 30000;
const FIELD = 'projects[0].budget.total';
const NEW_VALUE = '4321.5';

let passed = 0;
let failed = 0;
function check(ok, what) {
  if (ok) {
    passed++;
    console.log('ok: ' + what);
  } else {
    failed++;
    console.log('FAILED: ' + what);
  }
}

function skip(reason) {
  if (process.env.CI) {
    console.log('FAILED: ' + reason + ' (CI=true: the browser test must run)');
    process.exit(1);
  }
  console.log('skipped: ' + reason);
  process.exit(77);
}

if (!jixiao || !sourceDir || !workDir) {
  console.log('usage: desk_browser_test.mjs JIXIAO SOURCE_DIR WORK_DIR');
  process.exit(1);
}
if (!fs.existsSync(CHROMIUM)) skip(CHROMIUM + ' is missing (scripts/setup.sh installs chromium)');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Resolves with the first match of `pattern` in what `stream` prints.
function waitFor(stream, pattern, what) {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error('no ' + what + ' within ' + STEP_TIMEOUT_MS + ' ms: ' + seen)),
      STEP_TIMEOUT_MS);
    stream.on('data', (chunk) => {
      seen += chunk.toString();
      const m = seen.match(pattern);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    });
  });
}

// One DevTools session on one page.
class Page {
  constructor(cdp, sessionId) {
    this.cdp = cdp;
    this.sessionId = sessionId;
  }
  send(method, params) {
    return this.cdp.call(method, params || {}, this.sessionId);
  }
  async evaluate(expression) {
    const r = await this.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
    if (r.exceptionDetails) throw new Error('in page: ' + JSON.stringify(r.exceptionDetails).slice(0, 400));
    return r.result.value;
  }
  async until(expression, what) {
    const end = Date.now() + STEP_TIMEOUT_MS;
    while (Date.now() < end) {
      if (await this.evaluate(expression).catch(() => false)) return true;
      await sleep(100);
    }
    throw new Error('timed out waiting for ' + what);
  }
  async screenshot(file) {
    const r = await this.send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: false });
    fs.writeFileSync(file, Buffer.from(r.data, 'base64'));
    console.log('screenshot: ' + file);
  }
  // A real click: the mouse pressed and released at the element's centre.
  async click(selector) {
    const box = await this.evaluate(`(() => {
      const e = document.querySelector(${JSON.stringify(selector)});
      if (!e) return null;
      e.scrollIntoView({block: 'center'});
      const r = e.getBoundingClientRect();
      return {x: r.left + r.width / 2, y: r.top + r.height / 2};
    })()`);
    if (!box) throw new Error('nothing to click at ' + selector);
    for (const type of ['mousePressed', 'mouseReleased'])
      await this.send('Input.dispatchMouseEvent', { type, x: box.x, y: box.y, button: 'left', clickCount: 1 });
  }
}

// The DevTools protocol over the browser's pipe: requests written to its fd 3, answers and
// events read from its fd 4, each message one JSON text ended by a NUL.
function connect(browser) {
  const toBrowser = browser.stdio[3];
  const fromBrowser = browser.stdio[4];
  let next = 1;
  const pending = new Map();
  let buffered = Buffer.alloc(0);
  fromBrowser.on('data', (chunk) => {
    buffered = Buffer.concat([buffered, chunk]);
    for (let end = buffered.indexOf(0); end >= 0; end = buffered.indexOf(0)) {
      const msg = JSON.parse(buffered.subarray(0, end).toString('utf8'));
      buffered = buffered.subarray(end + 1);
      if (!msg.id || !pending.has(msg.id)) continue;
      const p = pending.get(msg.id);
      pending.delete(msg.id);
      if (msg.error) p.rej(new Error(p.method + ': ' + msg.error.message));
      else p.res(msg.result);
    }
  });
  const closed = () => {
    for (const p of pending.values()) p.rej(new Error(p.method + ': the browser closed its pipe'));
    pending.clear();
  };
  fromBrowser.on('close', closed);
  fromBrowser.on('error', closed);
  return {
    close: () => toBrowser.end(),
    call: (method, params, sessionId) => new Promise((res, rej) => {
      const id = next++;
      pending.set(id, { res, rej, method });
      toBrowser.write(JSON.stringify(Object.assign({ id, method, params }, sessionId ? { sessionId } : {})) + '\0');
    }),
  };
}

const children = [];
function stopAll() {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
}
process.on('exit', stopAll);

async function main() {
  fs.mkdirSync(workDir, { recursive: true });
  const db = path.join(workDir, 'desk.sqlite');
  fs.rmSync(db, { force: true });
  const sample = path.join(sourceDir, 'samples/tianbao-2022/digital.pdf');
  const batch = spawnSync(jixiao, ['batch', sample, '--db', db, '-j', '1'], { encoding: 'utf8' });
  check(batch.status === 0, 'jixiao batch imports the sample (' + (batch.stderr || '').trim().split('\n').pop() + ')');
  if (batch.status !== 0) return;

  const serve = spawn(jixiao, ['serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  children.push(serve);
  const [, url, port] = await waitFor(serve.stderr, /jixiao: serve: (http:\/\/127\.0\.0\.1:(\d+)\/\?token=[0-9a-f]+)/,
    'address from jixiao serve');
  check(Number(port) > 0, 'jixiao serve prints its address: ' + url.replace(/token=.*/, 'token=…'));

  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-chromium-'));
  const chromium = spawn(CHROMIUM, [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--user-data-dir=' + profile, '--remote-debugging-pipe', '--window-size=1600,1000', 'about:blank',
  ], { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
  children.push(chromium);
  chromium.stderr.resume();  // its messages are not read; keep the pipe from filling
  const cdp = connect(chromium);
  const { targetId } = await cdp.call('Target.createTarget', { url: 'about:blank' });
  const { sessionId } = await cdp.call('Target.attachToTarget', { targetId, flatten: true });
  const page = new Page(cdp, sessionId);
  await page.send('Page.enable');
  await page.send('Runtime.enable');
  await page.send('Emulation.setDeviceMetricsOverride', { width: 1600, height: 1000, deviceScaleFactor: 1, mobile: false });

  // The list.
  await page.send('Page.navigate', { url });
  await page.until(`document.querySelector('a.doc') !== null`, 'the list of documents');
  const listed = await page.evaluate(`[...document.querySelectorAll('a.doc')].map(a => a.textContent)`);
  check(listed.length === 1 && listed[0].endsWith('digital.pdf'), 'the list shows the document: ' + listed.join(', '));
  await page.screenshot(path.join(workDir, 'desk-list.png'));

  // The document view: click a field, see its box on the page.
  await page.click('a.doc');
  await page.until(`document.body.getAttribute('data-ready') === '1'`, 'the document view');
  const cell = `#records [data-path="${FIELD}"]`;
  await page.until(`document.querySelector('#page-image').naturalWidth > 0`, 'the page image');
  await page.click(cell);
  await page.until(`document.querySelector('#overlay rect.selected') !== null`, 'the selected field\'s box');
  const geometry = await page.evaluate(`(() => {
    const box = document.querySelector('#overlay rect.selected').getBoundingClientRect();
    const img = document.querySelector('#page-image').getBoundingClientRect();
    return {box: [box.left, box.top, box.right, box.bottom], img: [img.left, img.top, img.right, img.bottom],
            path: document.querySelector('#overlay rect.selected').getAttribute('data-path'),
            detail: document.querySelector('#detail-path').textContent,
            crop: document.querySelector('#detail-crop').width,
            cells: document.querySelectorAll('#overlay rect.cell').length};
  })()`);
  check(geometry.path === FIELD && geometry.detail === FIELD, 'clicking the field selects it and its box (' + geometry.path + ')');
  const [bx0, by0, bx1, by1] = geometry.box;
  const [ix0, iy0, ix1, iy1] = geometry.img;
  check(bx1 - bx0 > 5 && by1 - by0 > 5 && bx0 >= ix0 - 1 && by0 >= iy0 - 1 && bx1 <= ix1 + 1 && by1 <= iy1 + 1,
    'its box is drawn on the page image: ' + geometry.box.map(Math.round).join(',') + ' inside ' +
    geometry.img.map(Math.round).join(','));
  check(geometry.crop > 1, 'the field\'s crop is shown');
  check(geometry.cells > 40, 'the page\'s grid is drawn under the boxes (' + geometry.cells + ' cells)');
  await page.screenshot(path.join(workDir, 'desk-document.png'));

  // Type a correction, save, reload, see it.
  await page.evaluate(`(() => { const i = document.querySelector('#correct-value'); i.focus(); i.select(); })()`);
  await page.send('Input.insertText', { text: NEW_VALUE });
  await page.evaluate(`document.querySelector('#correct-note').value = 'browser test'`);
  await page.click('#correct-save');
  await page.until(`document.querySelector('#status').textContent.includes('已保存')`, 'the save');
  await page.send('Page.reload', {});
  await page.until(`document.body.getAttribute('data-ready') === '1'`, 'the document view after reload');
  const after = await page.evaluate(`(() => {
    const c = document.querySelector(${JSON.stringify(cell)});
    return {text: c.textContent, cls: c.className};
  })()`);
  check(after.text === NEW_VALUE && after.cls.includes('corrected'),
    'after a reload the field shows the correction, marked corrected: ' + after.text + ' (' + after.cls + ')');
  await page.click(cell);
  await page.until(`document.querySelector('#detail-history li') !== null`, 'the correction\'s history');
  await page.screenshot(path.join(workDir, 'desk-corrected.png'));
  cdp.close();
  stopAll();
  await sleep(200);

  // The export carries it.
  const out = path.join(workDir, 'projects.jsonl');
  const exp = spawnSync(jixiao, ['export', '--db', db, '-o', out, '--format', 'jsonl', '--table', 'projects'],
    { encoding: 'utf8' });
  check(exp.status === 0, 'jixiao export runs');
  const rows = exp.status === 0 ? fs.readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l)) : [];
  const first = rows.find((r) => r.index === 1);
  check(first && first.budget_total === Number(NEW_VALUE) && first.corrected.includes('budget.total'),
    'the export carries the corrected value and says it was corrected: ' + JSON.stringify(first && {
      budget_total: first.budget_total, corrected: first.corrected }));
  fs.rmSync(profile, { recursive: true, force: true });
}

main().then(() => {
  console.log(passed + ' passed, ' + failed + ' failed');
  process.exit(failed ? 1 : 0);
}, (e) => {
  console.log('FAILED: ' + e.message);
  console.log(passed + ' passed, ' + (failed + 1) + ' failed');
  stopAll();
  process.exit(1);
});
