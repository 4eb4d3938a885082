// Drives real VS Code (code-server's workbench) in Debian chromium through playwright-core and checks the
// DjangoLsp extension as a user would see it. Started by run.sh, which owns code-server's lifetime.
// env: URL, WORKSPACE, OUT (screenshot folder), E2E_MODE=full|smoke, FILE (path relative to the workspace),
//      RULE (expected rule id), SCAN_FILE (a file the test never opens, expected in Problems after a scan),
//      STEP_TIMEOUT_MS (default 120000: generous, the machine is shared; this is a correctness test, not a timing test).
// Prints one JSON object per step; exits 0 on PASS, 1 on FAIL (screenshot failure.png).
const { chromium } = require('playwright-core');
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const env = (k, d) => (process.env[k] && process.env[k] !== '' ? process.env[k] : d);
const URL = env('URL', 'http://127.0.0.1:8089/');
const OUT = env('OUT', path.join(__dirname, 'artifacts'));
const MODE = env('E2E_MODE', 'full');
const FILE = env('FILE', 'shop/views.py');
const RULE = env('RULE', 'DJ101');
const SCAN_FILE = env('SCAN_FILE', '');
// optional second file (a template) checked for a squiggle and a Problems row of TEMPLATE_RULE
const TEMPLATE_FILE = env('TEMPLATE_FILE', '');
const TEMPLATE_RULE = env('TEMPLATE_RULE', '');
const T = Number(env('STEP_TIMEOUT_MS', '120000'));
// substrings that identify this run's server process (its extension folder, or the custom server path)
const SERVER_MATCH = env('SERVER_MATCH', 'djangolsp.dll').split('|');
fs.mkdirSync(OUT, { recursive: true });

const t0 = Date.now();
let tFolder = t0; // set when the browser starts loading the folder
let waitingFor = 'start'; // what the driver waits for now; named in the FAIL line
const expect = (what) => { waitingFor = what; };
const log = (step, extra = {}) => console.log(JSON.stringify({ step, ms: Date.now() - t0, ...extra }));
const squash = (s) => s.replace(/\s+/g, ' ').trim();
let shot = 0;
const screenshot = async (page, name) => page.screenshot({ path: path.join(OUT, `${String(++shot).padStart(2, '0')}-${name}.png`) });

async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: T });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: title });
  await row.first().waitFor({ state: 'visible', timeout: T });
  await page.keyboard.press('Enter');
}

async function openFile(page, relative) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: T });
  await input.fill(relative);
  // base names repeat (views.py): Enter only once the first (selected) row is the file in the right folder
  const first = page.locator('.quick-input-widget .monaco-list-row').first();
  const folder = path.dirname(relative);
  for (const deadline = Date.now() + T; ;) {
    const text = await first.innerText().catch(() => '');
    if (text.includes(path.basename(relative)) && (folder === '.' || text.includes(folder))) break;
    if (Date.now() > deadline) throw new Error(`quick open did not offer ${relative} first (first row: ${squash(text)})`);
    await page.waitForTimeout(200);
  }
  await page.keyboard.press('Enter');
  // the active editor's breadcrumbs show every folder of the path
  const crumbs = page.locator('.part.editor .breadcrumbs-control .monaco-breadcrumb-item');
  for (const deadline = Date.now() + T; ;) {
    const text = (await crumbs.allInnerTexts().catch(() => [])).join('/');
    if (relative.split('/').every((part) => text.includes(part))) break;
    if (Date.now() > deadline) throw new Error(`${relative} did not become the active editor (breadcrumbs: ${squash(text)})`);
    await page.waitForTimeout(200);
  }
  await page.waitForSelector('.monaco-editor .view-lines', { timeout: T });
}

async function showProblems(page) {
  // Ctrl+Shift+M toggles; open the view by command so repeated calls keep it open.
  await runCommand(page, 'View: Focus Problems');
  await page.locator('.markers-panel').first().waitFor({ state: 'visible', timeout: T });
}

const problemRows = (page, text) => page.locator('.markers-panel .monaco-list-row', { hasText: text });
const problemsFilter = (page) => page.locator('.viewpane-filter input, input[placeholder^="Filter"]').first();
const SQUIGGLES = '.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning, .monaco-editor .squiggly-info, .monaco-editor .squiggly-hint';

// Clicks the first Problems row with `text`. The mouse is moved away first: the tooltip of the row it rests on
// (a long message) can cover the next rows and take the click.
async function clickProblemRow(page, text) {
  await page.mouse.move(1, 1);
  await page.locator('.workbench-hover-container, .monaco-hover').first().waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
  await problemRows(page, text).first().click({ timeout: T });
}

// Jumps to the first Problems row with `text` (Enter on a row moves the cursor there) and waits for a squiggle.
async function revealFirst(page, text) {
  await clickProblemRow(page, text);
  await page.keyboard.press('Enter');
  await page.waitForSelector('.monaco-editor.focused', { timeout: T });
  await page.waitForSelector(SQUIGGLES, { timeout: T });
}

// The number of findings the extension shows in its status bar item ("9 DjangoLsp"). The Problems list is
// virtualised and shows related-information rows, so counting its rendered rows is not reliable.
async function findingCount(page) {
  const m = /(\d+)/.exec(await statusText(page));
  return m ? Number(m[1]) : 0;
}

// The status bar recounts at most every 200 ms, so it can lag the Problems panel: wait until it counts something.
async function waitForSomeFindings(page) {
  for (const deadline = Date.now() + T; Date.now() < deadline; await page.waitForTimeout(200)) {
    const n = await findingCount(page);
    if (n > 0) return n;
  }
  throw new Error(`the DjangoLsp status bar counts no findings: ${await statusText(page)}`);
}

async function waitForFewerFindings(page, n) {
  for (const deadline = Date.now() + T; Date.now() < deadline; await page.waitForTimeout(200)) {
    if (await findingCount(page) < n) return;
  }
  throw new Error(`the DjangoLsp status bar still shows ${await findingCount(page)} findings (before: ${n})`);
}

async function statusText(page) {
  const item = page.locator('.statusbar-item', { hasText: 'DjangoLsp' }).first();
  await item.waitFor({ state: 'visible', timeout: T });
  return squash(await item.innerText());
}

function serverProcesses() {
  try {
    return execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' }).split('\n')
      .filter((l) => SERVER_MATCH.some((m) => l.includes(m)) && !/ps -eo/.test(l)).map((l) => l.trim());
  } catch { return []; }
}

async function smoke(page) {
  expect('the DjangoLsp status bar item and "Starting" in its output channel');
  const text = await statusText(page);
  log('status-bar', { text });
  await runCommand(page, 'DjangoLsp: Show Output');
  const output = page.locator('.part.panel .monaco-editor .view-lines', { hasText: 'Starting' });
  await output.first().waitFor({ state: 'visible', timeout: T });
  log('output-channel', { text: squash(await output.first().innerText()).slice(0, 400), serverProcesses: serverProcesses() });
  await screenshot(page, 'smoke-output');
}

async function full(page) {
  expect(`${FILE} to open`);
  await openFile(page, FILE);
  log('editor-open', { file: FILE });

  // 1. the rule in the Problems panel, then (after jumping to it from its row) its squiggle in the editor;
  //    the finding may be below the first screen, so the squiggle is checked after the jump
  expect(`a ${RULE} row in the Problems panel`);
  await showProblems(page);
  await problemRows(page, RULE).first().waitFor({ state: 'visible', timeout: T });
  const msToProblem = Date.now() - tFolder;
  const before = await problemRows(page, RULE).count();
  const findingsBefore = await waitForSomeFindings(page);
  const targetPosition = /\[Ln \d+, Col \d+\]/.exec(await problemRows(page, RULE).first().innerText())[0];
  expect(`a squiggle at the ${RULE} finding`);
  await revealFirst(page, RULE);
  const msToSquiggle = Date.now() - tFolder;
  // the language mode picker in the status bar ("Python", "Django HTML", …)
  const mode = await page.locator('#status\\.editor\\.mode').first().innerText().catch(() => '?');
  log('problems-and-squiggle', { rule: RULE, rows: before, first: squash(await problemRows(page, RULE).first().innerText()), status: await statusText(page),
    languageMode: squash(mode), msFromFolderOpenToProblemsRow: msToProblem, msFromFolderOpenToSquiggle: msToSquiggle, serverProcesses: serverProcesses() });
  await screenshot(page, 'diagnostic');

  expect(`the hover of ${RULE}`);
  // 2. go to the finding (Enter on its Problems row moves the cursor there) and show the hover at the cursor
  await clickProblemRow(page, RULE);
  await page.keyboard.press('Enter');
  await page.waitForSelector('.monaco-editor.focused', { timeout: T });
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  // The marker part of the hover renders first; the server's hover (with the OWASP link) arrives after it.
  const hover = page.locator('.monaco-hover-content')
    .filter({ has: page.locator('a[href*="owasp.org"], a[data-href*="owasp.org"]') });
  try {
    await hover.first().waitFor({ state: 'visible', timeout: T });
  } catch (e) {
    const seen = await page.locator('.monaco-hover-content').allInnerTexts().catch(() => []);
    await screenshot(page, 'hover');
    throw new Error(`no hover with an owasp.org link; hover text: ${squash(seen.join(' | ')).slice(0, 300)}`);
  }
  log('hover', { text: squash(await hover.first().innerText()).slice(0, 300) });
  await screenshot(page, 'hover');
  await page.keyboard.press('Escape');

  expect('the quick fix menu, then fewer rows after applying it');
  // 3. quick fix from the light-bulb menu (Ctrl+.); Enter applies the focused, preferred fix
  await page.keyboard.press('Control+.');
  const menu = page.locator('.action-widget .monaco-list-row');
  await menu.first().waitFor({ state: 'visible', timeout: T });
  log('code-action-menu', { items: (await menu.allInnerTexts()).map(squash) });
  await screenshot(page, 'code-action-menu');
  await page.keyboard.press('Enter');
  await waitForFewerFindings(page, findingsBefore);
  // the finding's own Problems row ("... DJ101 [Ln 48, Col 28]") is gone
  if (await problemRows(page, targetPosition).filter({ hasText: RULE }).count()) throw new Error(`${RULE} ${targetPosition} is still listed`);
  log('quick-fix-applied', { findingsBefore, findingsAfter: await findingCount(page), gone: `${RULE} ${targetPosition}` });
  await screenshot(page, 'after-fix');

  // 3b. a template: the finding of TEMPLATE_RULE shows as a squiggle and a Problems row
  if (TEMPLATE_FILE && TEMPLATE_RULE) {
    expect(`a ${TEMPLATE_RULE} squiggle and Problems row in ${TEMPLATE_FILE}`);
    await openFile(page, TEMPLATE_FILE);
    await showProblems(page);
    // the Problems list is virtualised: filter it to the template so its rows are rendered
    await problemsFilter(page).fill(`**/${TEMPLATE_FILE}`);
    await problemRows(page, TEMPLATE_RULE).first().waitFor({ state: 'visible', timeout: T });
    await revealFirst(page, TEMPLATE_RULE);
    const tmode = await page.locator('#status\\.editor\\.mode').first().innerText().catch(() => '?');
    log('template-diagnostic', { file: TEMPLATE_FILE, languageMode: squash(tmode), rows: await problemRows(page, TEMPLATE_RULE).count(),
      first: squash(await problemRows(page, TEMPLATE_RULE).first().innerText()) });
    await screenshot(page, 'template-diagnostic');
    await problemsFilter(page).fill('');
  }

  // 4. workspace scan: findings appear for a file that was never opened
  if (SCAN_FILE) {
    const name = path.basename(SCAN_FILE);
    // tabs carry the full path in their title; compare paths, not base names (views.py is everywhere)
    const openTabs = await page.locator('.tab').evaluateAll((tabs) => tabs.map((t) => t.getAttribute('title') || t.getAttribute('aria-label') || ''));
    if (openTabs.some((t) => t.includes(SCAN_FILE))) throw new Error(`${SCAN_FILE} is open already; pick another SCAN_FILE`);
    expect(`workspace scan findings for ${SCAN_FILE}`);
    const findingsBeforeScan = await findingCount(page);
    await runCommand(page, 'DjangoLsp: Scan Workspace');
    log('scan-started', { status: await statusText(page), findingsBeforeScan });
    // The Problems list is virtualised: filter it to the scanned file (glob on the path) before looking for its rows.
    await showProblems(page);
    const filter = problemsFilter(page);
    await filter.fill(`**/${SCAN_FILE}`);
    const group = problemRows(page, name).filter({ hasText: path.dirname(SCAN_FILE) });
    await group.first().waitFor({ state: 'visible', timeout: T });
    log('scan-finished', { file: SCAN_FILE, group: squash(await group.first().innerText()),
      firstFinding: squash(await page.locator('.markers-panel .monaco-list-row').nth(1).innerText().catch(() => '')).slice(0, 200),
      status: await statusText(page), findingsAfterScan: await findingCount(page) });
    await screenshot(page, 'scan');
    await filter.fill('');
  }

  // 5. the extension's own commands: Explain Rule (quick pick of djangolsp.listRules -> markdown preview)
  //    and Fix All (source.fixAll.djangolsp) on the scanned file
  if (env('EXTRAS', '1') === '1') {
    expect(`Explain Rule to show ${RULE}`);
    await runCommand(page, 'DjangoLsp: Explain Rule');
    const pick = page.locator('.quick-input-widget .monaco-list-row', { hasText: RULE });
    await pick.first().waitFor({ state: 'visible', timeout: T });
    await page.keyboard.type(RULE);
    await page.keyboard.press('Enter');
    await page.locator('.tab', { hasText: `${RULE}.md` }).first().waitFor({ timeout: T });
    // the markdown preview is a webview (nested iframes): look for the rendered page in any frame
    let rendered = '';
    for (const deadline = Date.now() + T; !rendered && Date.now() < deadline;) {
      for (const frame of page.frames()) {
        const text = await frame.evaluate(() => document.body ? document.body.innerText : '').catch(() => '');
        if (text.includes(RULE) && frame !== page.mainFrame()) { rendered = text; break; }
      }
      if (!rendered) await page.waitForTimeout(250);
    }
    if (!rendered) throw new Error(`the ${RULE} markdown preview stayed empty`);
    log('explain-rule', { tabs: (await page.locator('.tab').allInnerTexts()).map(squash), preview: squash(rendered).slice(0, 200) });
    await screenshot(page, 'explain-rule');
    // close the preview: a focused webview keeps keys (Ctrl+P) from the workbench
    await page.locator('.tab', { hasText: `${RULE}.md` }).first().locator('.tab-actions .action-label').first().click({ timeout: T });
    await page.locator('.tab', { hasText: `${RULE}.md` }).first().waitFor({ state: 'detached', timeout: T });

    if (SCAN_FILE) {
      expect(`${SCAN_FILE} to open for Fix All`);
      await openFile(page, SCAN_FILE);
      const name = path.basename(SCAN_FILE);
      await showProblems(page);
      const count = await waitForSomeFindings(page);
      expect(`Fix All to lower the number of findings (${count}) after fixing ${name}`);
      await runCommand(page, 'DjangoLsp: Fix All Security Issues in File');
      await waitForFewerFindings(page, count);
      log('fix-all', { file: name, findingsBefore: count, findingsAfter: await findingCount(page) });
      await screenshot(page, 'fix-all');
    }
  }
}

(async () => {
  const browser = await chromium.launch({
    executablePath: env('CHROMIUM', '/usr/bin/chromium'),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  let code = 0;
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('pageerror', (e) => console.error('pageerror:', e.message));
  try {
    expect('the workbench');
    tFolder = Date.now();
    await page.goto(URL);
    await page.waitForSelector('.monaco-workbench', { timeout: T });
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: T });
    log('workbench-ready');
    if (MODE === 'smoke') await smoke(page); else await full(page);
    log('PASS', { mode: MODE });
  } catch (e) {
    code = 1;
    log('FAIL', { mode: MODE, waitingFor, error: String(e.message).split('\n')[0] });
    await page.screenshot({ path: path.join(OUT, 'failure.png') }).catch(() => {});
  } finally {
    await browser.close();
    process.exit(code);
  }
})();
