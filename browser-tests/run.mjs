// Browser test suite for pathways: real headless Chromium (Debian's /usr/bin/chromium,
// never a downloaded browser) driven by puppeteer-core, with axe-core from npm.
//
// Normally started by scripts/browser-tests.sh, which builds and starts the release server.
// By hand:   node browser-tests/run.mjs http://127.0.0.1:3000
// env:  BASE_URL (instead of the argument), CHROME_PATH (default /usr/bin/chromium),
//       SCREENSHOT_DIR (default <repo>/screenshots), ONLY (substring: test only matching URLs),
//       VERBOSE=1 (print every violating node, not just the first few).
//
// Output: one line per check, `ok`, `FAIL` or `SKIP`, the check name and the URL; FAIL lines are
// followed by indented detail lines. The last line is `N passed, M failed` (and skipped count).
// Exit status: 0 if nothing failed, 1 if a check failed, 2 if the suite itself could not run.
import puppeteer from 'puppeteer-core';
import {createRequire} from 'node:module';
import {mkdtempSync, mkdirSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const BASE = (process.argv[2] || process.env.BASE_URL || '').replace(/\/+$/, '');
if (!BASE) {
  console.error('usage: node run.mjs BASE_URL   (or set BASE_URL)');
  process.exit(2);
}
const ORIGIN = new URL(BASE).origin;
const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';
const SHOTS = resolve(process.env.SCREENSHOT_DIR || join(HERE, '..', 'screenshots'));
const ONLY = process.env.ONLY || '';
// Pay by state: every state's page comes from one template, so the page
// battery runs on a sample in each edition: a state, a territory, a state
// without one occupation, withheld counts, the longest name. (The sitemap
// link check still reaches every state.)
const STATE_SAMPLE = ['texas', 'guam', 'alabama', 'vermont', 'district-of-columbia'];
const isStatePage = (p) => /\/pay\/[^/]+$/.test(p);
const VERBOSE = process.env.VERBOSE === '1';

const PATHWAY = '/pathways/health-information-management';
const SELF_CHECK = `${PATHWAY}/right-for-me`;
const MAP = `${PATHWAY}/career-map`;
const PRINT_ALL = `${PATHWAY}/print/all`;
const SELF_CHECK_RESULT = `${SELF_CHECK}?a=1,3&u=2&n=4`;
const SEARCH = '/search?q=coder+salary';
const PRINT = `${PATHWAY}/print`;
const NOT_FOUND = '/no-such-page';
const PHONE_WIDTHS = [320, 390];
const DESKTOP = {width: 1280, height: 900, deviceScaleFactor: 1};
const phone = (width, height = 844) => ({width, height, deviceScaleFactor: 1, isMobile: true, hasTouch: true});
// Elements that scroll sideways on purpose (wide tables, the career map).
const SCROLLERS = '.table-wrap';

// ---------------------------------------------------------------- reporting
let passed = 0, failed = 0, skipped = 0;
const pad = (s, n) => (s + ' '.repeat(n)).slice(0, Math.max(n, s.length));
function report(status, check, url, detail = '', lines = []) {
  const word = {ok: 'ok  ', FAIL: 'FAIL', SKIP: 'SKIP'}[status];
  if (status === 'ok') passed++; else if (status === 'FAIL') failed++; else skipped++;
  console.log(`${word} ${pad(check, 15)} ${url}${detail ? ' - ' + detail : ''}`);
  for (const l of (VERBOSE ? lines : lines.slice(0, 12))) console.log('       ' + l);
  if (!VERBOSE && lines.length > 12) console.log(`       ... ${lines.length - 12} more (VERBOSE=1 shows all)`);
}
// Run one check; a thrown error is a failure of that check, not of the suite.
async function check(name, url, fn) {
  try {
    const r = await fn();
    if (r === undefined || r === null) return report('ok', name, url);
    if (r.skip) return report('SKIP', name, url, r.skip);
    if (r.fail) return report('FAIL', name, url, r.fail, r.lines || []);
    return report('ok', name, url, r.note || '');
  } catch (e) {
    return report('FAIL', name, url, 'error: ' + String(e && e.message || e).split('\n')[0]);
  }
}

// ---------------------------------------------------------------- browser
const profile = mkdtempSync(join(tmpdir(), 'pathways-chromium-'));
const browser = await puppeteer.launch({
  executablePath: CHROME,
  headless: true,
  userDataDir: profile,
  timeout: 60000,
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    // one argv element here, so no shell quoting is involved
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
  ],
}).catch((e) => {
  console.error(`cannot start ${CHROME}: ${e.message}`);
  rmSync(profile, {recursive: true, force: true});
  process.exit(2);
});
const cleanup = async () => {
  await browser.close().catch(() => {});
  rmSync(profile, {recursive: true, force: true});
};
process.on('SIGINT', async () => { await cleanup(); process.exit(130); });
process.on('SIGTERM', async () => { await cleanup(); process.exit(143); });

// Console errors and failed requests, per tested URL, from every page that loads it.
const problems = new Map();
const expected404 = new Set();
function watch(page, key) {
  if (!problems.has(key)) problems.set(key, []);
  const list = problems.get(key);
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const loc = (m.location() && m.location().url || '').replace(/#.*$/, '');
    // the expected 404 status of the page under test is logged as a console error
    if (/^Failed to load resource/.test(m.text()) && expected404.has(loc)) return;
    list.push(`console error: ${m.text()}${loc ? ' (' + loc + ')' : ''}`);
  });
  page.on('pageerror', (e) => list.push(`uncaught exception: ${String(e && e.message || e).split('\n')[0]}`));
  page.on('requestfailed', (r) => {
    const f = r.failure() && r.failure().errorText;
    // navigating away while a request is in flight aborts it; that is not the site's fault
    if (f === 'net::ERR_ABORTED' && r.isNavigationRequest()) return;
    list.push(`request failed: ${r.url()} (${f})`);
  });
  page.on('response', (r) => {
    if (r.status() < 400) return;
    const req = r.request();
    if (req.isNavigationRequest() && req.frame() === page.mainFrame()) return; // checked by `status`
    list.push(`HTTP ${r.status()} for ${req.resourceType()} ${r.url()}`);
  });
}

async function newPage(key, {js = true, context = null} = {}) {
  const page = await (context || browser).newPage();
  if (!js) await page.setJavaScriptEnabled(false);
  page.setDefaultTimeout(30000);
  watch(page, key);
  return page;
}

async function scheme(page, value, extra = []) {
  await page.emulateMediaFeatures([{name: 'prefers-color-scheme', value}, ...extra]);
}

// ---------------------------------------------------------------- in-page helpers
// Installed into every page (as a string, so it also works with JavaScript disabled for the
// page's own scripts: puppeteer's evaluate still runs, setJavaScriptEnabled only stops the site's).
const HELPERS = `
window.__pw = {
  sel(el) {
    if (!el || el.nodeType !== 1) return String(el);
    const part = (e) => {
      let s = e.tagName.toLowerCase();
      if (e.id) return s + '#' + e.id;
      const cls = [...e.classList].slice(0, 2);
      if (cls.length) s += '.' + cls.join('.');
      if (e.tagName === 'A' && e.getAttribute('href')) s += '[href="' + e.getAttribute('href').slice(0, 60) + '"]';
      if (e.tagName === 'INPUT') s += '[type=' + (e.type) + ']';
      return s;
    };
    const parts = [];
    for (let e = el; e && e.nodeType === 1 && parts.length < 3; e = e.parentElement) {
      parts.unshift(part(e));
      if (e.id || e.tagName === 'MAIN' || e.tagName === 'BODY') break;
    }
    return parts.join(' > ');
  },
  text(el) { return (el.textContent || '').replace(/\\s+/g, ' ').trim().slice(0, 50); },
  visible(el) {
    const r = el.getBoundingClientRect();
    if (r.width < 2 || r.height < 2) return false;
    if (el.closest('.visually-hidden, [hidden]')) return false;
    if (el.checkVisibility && !el.checkVisibility({visibilityProperty: true, opacityProperty: false})) return false;
    if (r.bottom + scrollY <= 0 || r.right + scrollX <= 0) return false; // parked off-screen (skip link)
    return true;
  },
  rgba(s) {
    const m = /^rgba?\\(([^)]+)\\)$/.exec(s || '');
    if (!m) return null;
    const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
    return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
  },
  lum(c) {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
  },
  contrast(a, b) {
    const x = this.lum(a), y = this.lum(b);
    return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
  },
  bgBehind(el) {
    for (let e = el; e; e = e.parentElement) {
      const c = this.rgba(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0.5) return c;
    }
    return this.rgba(getComputedStyle(document.documentElement).backgroundColor) || {r: 255, g: 255, b: 255, a: 1};
  },
  hex(c) { return c ? '#' + [c.r, c.g, c.b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('') : '?'; },
};`;

async function helpers(page) {
  await page.evaluate(HELPERS);
}

// ---------------------------------------------------------------- checks
async function runAxe(page) {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const r = await window.axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
    return r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => {
        const d = (n.any.concat(n.all, n.none).find((c) => c.data) || {}).data || {};
        const extra = d.fgColor ? ` ${d.fgColor} on ${d.bgColor} = ${d.contrastRatio}:1 (needs ${d.expectedContrastRatio})` : '';
        return `${n.target.join(' ')}${extra} :: ${(n.failureSummary || '').replace(/\s+/g, ' ').slice(0, 160)}`;
      }),
    }));
  }, AXE_TAGS);
}

function axeOutcome(found) {
  // found: [{where, violations}]
  const lines = [];
  let total = 0;
  const ids = new Set();
  for (const {where, violations} of found) {
    for (const v of violations) {
      total++;
      ids.add(v.id);
      lines.push(`[${where}] ${v.id} (${v.impact}, ${v.nodes.length} node${v.nodes.length === 1 ? '' : 's'}): ${v.help}`);
      for (const n of v.nodes.slice(0, VERBOSE ? 100 : 4)) lines.push(`    ${n}`);
      if (!VERBOSE && v.nodes.length > 4) lines.push(`    ... ${v.nodes.length - 4} more nodes`);
    }
  }
  return total ? {fail: `axe: ${[...ids].join(', ')}`, lines} : null;
}

// Layout at a phone width: horizontal scrolling, body text size, tap targets (WCAG 2.5.8).
async function layoutCheck(page) {
  return page.evaluate((SCROLLERS) => {
    const pw = window.__pw, out = [];
    const de = document.documentElement;
    // 1. no horizontal scrolling of the document
    if (de.scrollWidth > de.clientWidth) {
      const vw = de.clientWidth;
      const offenders = [];
      for (const el of document.body.querySelectorAll('*')) {
        if (el.closest(SCROLLERS) && !el.matches(SCROLLERS)) continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 || !(r.right > vw + 0.5 || r.left < -0.5)) continue;
        if (el.closest('.visually-hidden')) continue;
        const p = el.parentElement;
        const pr = p && p.getBoundingClientRect();
        if (pr && (pr.right > vw + 0.5 || pr.left < -0.5) && !p.matches('body, html')) continue; // report outermost only
        offenders.push(`${pw.sel(el)} spans ${Math.round(r.left)}..${Math.round(r.right)}px (viewport ${vw}px)`);
      }
      out.push(`horizontal scroll: document is ${de.scrollWidth}px wide in a ${de.clientWidth}px viewport`);
      for (const o of offenders.slice(0, 6)) out.push('    ' + o);
    }
    // 2. body text at least 16px
    const small = new Map();
    for (const p of document.querySelectorAll('main p')) {
      if (!pw.visible(p) || !p.textContent.trim()) continue;
      const fs = parseFloat(getComputedStyle(p).fontSize);
      if (fs < 15.95) {
        const key = `${pw.sel(p)} ${fs.toFixed(1)}px`;
        small.set(key, (small.get(key) || 0) + 1);
      }
    }
    for (const [k, n] of small) out.push(`text under 16px: ${k}${n > 1 ? ` (x${n})` : ''} "${''}"`.replace(/ ""$/, ''));
    // 3. tap targets: 24x24 CSS px, or spaced so a 24px circle on each touches no other target
    const inSentence = (a) => {
      if (getComputedStyle(a).display !== 'inline') return false;
      let blk = a.parentElement;
      while (blk && getComputedStyle(blk).display.startsWith('inline')) blk = blk.parentElement;
      if (!blk || !blk.matches('p, li, dd, dt, td, th, figcaption, blockquote, caption, label, legend')) return false;
      let rest = '';
      const walk = (n) => {
        for (const c of n.childNodes) {
          if (c.nodeType === 3) rest += c.textContent;
          else if (c.nodeType === 1 && !c.matches('a, button, input, select, textarea')) walk(c);
        }
      };
      walk(blk);
      return /[A-Za-z]{2,}/.test(rest);
    };
    const targets = [];
    for (const el of document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, label')) {
      if (!pw.visible(el)) continue;
      if (el.tagName === 'LABEL' && !el.control) continue;
      if (el.tagName === 'LABEL' && el.control && !pw.visible(el.control) && !el.contains(el.control)) continue;
      if (el.matches('input, select, textarea') && el.closest('label')) continue; // the wrapping label is the target
      if (el.tagName === 'A' && inSentence(el)) continue; // WCAG 2.5.8 inline exception
      let r = el.getBoundingClientRect();
      const rects = [...el.getClientRects()];
      if (rects.length > 1) r = rects.reduce((a, b) => (a.width * a.height >= b.width * b.height ? a : b));
      targets.push({el, r, small: r.width < 23.95 || r.height < 23.95});
    }
    const dist = (cx, cy, r) => Math.hypot(Math.max(r.left - cx, 0, cx - r.right), Math.max(r.top - cy, 0, cy - r.bottom));
    for (const t of targets) {
      if (!t.small) continue;
      const cx = t.r.left + t.r.width / 2, cy = t.r.top + t.r.height / 2;
      let clash = null;
      for (const o of targets) {
        if (o === t || o.el.contains(t.el) || t.el.contains(o.el)) continue;
        if (dist(cx, cy, o.r) < 12 - 0.01) { clash = o; break; }
        if (o.small) {
          const ox = o.r.left + o.r.width / 2, oy = o.r.top + o.r.height / 2;
          if (Math.hypot(cx - ox, cy - oy) < 24 - 0.01) { clash = o; break; }
        }
      }
      if (clash) {
        out.push(`tap target ${Math.round(t.r.width * 10) / 10}x${Math.round(t.r.height * 10) / 10}px too small and too close to ${pw.sel(clash.el)}: ${pw.sel(t.el)} "${pw.text(t.el)}"`);
      }
    }
    return out;
  }, SCROLLERS);
}

// Tab through the page, recording the focus indicator of everything that gets focus.
async function focusWalk(page) {
  await page.evaluate(() => {
    window.__focusLog = [];
    document.addEventListener('focusin', (e) => {
      const el = e.target, pw = window.__pw, cs = getComputedStyle(el);
      const ow = parseFloat(cs.outlineWidth) || 0;
      const oc = pw.rgba(cs.outlineColor);
      const outline = cs.outlineStyle !== 'none' && ow > 0 && oc && oc.a > 0;
      const shadow = cs.boxShadow && cs.boxShadow !== 'none';
      const bg = pw.bgBehind(el.parentElement || el);
      let ratio = null;
      if (outline) ratio = pw.contrast(oc, bg);
      else if (shadow) { const m = /rgba?\([^)]+\)/.exec(cs.boxShadow); const c = m && pw.rgba(m[0]); if (c) ratio = pw.contrast(c, bg); }
      window.__focusLog.push({
        sel: pw.sel(el), text: pw.text(el), outline, shadow, ratio,
        colour: outline ? pw.hex(oc) : shadow ? cs.boxShadow.slice(0, 40) : '', bg: pw.hex(bg),
        focusVisible: el.matches(':focus-visible'),
      });
    }, true);
  });
  const count = await page.evaluate(() => document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])').length);
  for (let i = 0; i < Math.min(count + 2, 400); i++) await page.keyboard.press('Tab');
  const log = await page.evaluate(() => window.__focusLog);
  const seen = new Set(), lines = [];
  for (const f of log) {
    if (seen.has(f.sel + f.text)) continue;
    seen.add(f.sel + f.text);
    if (!f.outline && !f.shadow) lines.push(`no visible focus indicator: ${f.sel} "${f.text}"`);
    else if (f.ratio !== null && f.ratio < 3) lines.push(`focus indicator ${f.colour} on ${f.bg} is ${f.ratio.toFixed(3)}:1 (needs 3:1): ${f.sel} "${f.text}"`);
  }
  return {lines, focused: seen.size};
}

// ---------------------------------------------------------------- the run
const t0 = Date.now();
let exitCode = 0;
try {
  // which pages exist?
  const status = async (path) => (await fetch(ORIGIN + path, {redirect: 'manual'})).status;
  const sitemapXml = await (await fetch(ORIGIN + '/sitemap.xml')).text();
  const sitemap = [...sitemapXml.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)].map((m) => {
    const u = new URL(m[1].replace(/&amp;/g, '&'));
    return u.pathname + u.search;
  });
  await check('sitemap', '/sitemap.xml', async () =>
    sitemap.length ? {note: `${sitemap.length} URLs`} : {fail: 'no <loc> entries'});
  const searchExists = (await status(SEARCH)) !== 404;
  const printExists = (await status(PRINT)) !== 404;
  if (!searchExists) report('SKIP', 'search', SEARCH, '/search returns 404 (no search yet): search page and header-search checks skipped');
  if (!printExists) report('SKIP', 'print-page', PRINT, 'returns 404 (no printable handout yet): its checks are skipped');

  const pages = [...new Set([...sitemap, ...(searchExists ? [SEARCH] : []), SELF_CHECK_RESULT, NOT_FOUND, ...(printExists ? [PRINT] : [])])]
    .filter((p) => !isStatePage(p) || STATE_SAMPLE.some((s) => p.endsWith('/pay/' + s)))
    .filter((p) => !ONLY || p.includes(ONLY));
  expected404.add(ORIGIN + NOT_FOUND);
  const links = new Map(); // same-origin link target -> pages linking to it

  for (const path of pages) {
    const url = ORIGIN + path;
    const want = path === NOT_FOUND ? 404 : 200;

    // ---- desktop, JavaScript on
    const page = await newPage(path);
    await page.setViewport(DESKTOP);
    await scheme(page, 'light');
    const resp = await page.goto(url, {waitUntil: 'load'});
    await check('status', path, async () =>
      resp && resp.status() === want ? {note: String(want)} : {fail: `HTTP ${resp ? resp.status() : 'no response'}, expected ${want}`});
    await helpers(page);
    // (an <a> inside SVG has an SVGAnimatedString as its href: resolve the attribute)
    for (const href of await page.$$eval('a[href]', (as) => as.map((x) => new URL(x.getAttribute('href'), document.baseURI).href))) {
      const u = new URL(href);
      if (u.origin !== ORIGIN) continue;
      const target = u.pathname + u.search;
      if (target === path) continue; // same-page anchors such as the skip link
      if (!links.has(target)) links.set(target, new Set());
      links.get(target).add(path);
    }

    await check('skip-link', path, async () => {
      await page.keyboard.press('Tab');
      const first = await page.evaluate(() => {
        const a = document.activeElement, r = a.getBoundingClientRect();
        return {skip: a.matches('a.skip'), sel: window.__pw.sel(a), onScreen: r.top >= 0 && r.bottom <= innerHeight && r.height > 0,
          hasMain: !!document.querySelector('main#main')};
      });
      if (!first.skip) return {fail: `first Tab focused ${first.sel}, not a.skip`};
      if (!first.onScreen) return {fail: 'skip link focused but not visible on screen'};
      if (!first.hasMain) return {fail: 'no main#main to skip to'};
      await page.keyboard.press('Enter');
      await new Promise((r) => setTimeout(r, 150));
      const after = await page.evaluate(() => window.__pw.sel(document.activeElement));
      return after === 'main#main' ? null : {fail: `Enter on the skip link left focus on ${after}, not main#main`};
    });

    for (const mode of ['light', 'dark']) {
      await check(`focus-${mode}`, path, async () => {
        await scheme(page, mode);
        await page.reload({waitUntil: 'load'});
        await helpers(page);
        const {lines, focused} = await focusWalk(page);
        return lines.length ? {fail: `${lines.length} focus problem(s)`, lines} : {note: `${focused} focusable elements`};
      });
    }

    // axe in both colour schemes, at desktop and phone width
    const axeFound = {light: [], dark: []};
    for (const mode of ['light', 'dark']) {
      await scheme(page, mode);
      await page.reload({waitUntil: 'load'});
      axeFound[mode].push({where: '1280px', violations: await runAxe(page)});
    }
    await helpers(page);

    await check('reduced-motion', path, async () => {
      await scheme(page, 'light', [{name: 'prefers-reduced-motion', value: 'reduce'}]);
      const r = await page.evaluate(() => ({
        sb: getComputedStyle(document.documentElement).scrollBehavior,
        anim: document.getAnimations().filter((a) => a.playState === 'running').length,
      }));
      await scheme(page, 'light', [{name: 'prefers-reduced-motion', value: 'no-preference'}]);
      if (r.sb !== 'auto') return {fail: `html scroll-behavior is '${r.sb}' with prefers-reduced-motion: reduce`};
      if (r.anim) return {fail: `${r.anim} animation(s) running with prefers-reduced-motion: reduce`};
      return null;
    });

    await check('print', path, async () => {
      // Everything in main that shows on screen must still show in print, except the parts that
      // only make sense on screen: share panel, pager, table of contents, self-links, search and
      // form buttons. Elements are marked on screen, then looked up again in print. The one
      // sheet prints the pay picture's list (every median with its year and source), not its
      // drawing and key, whose labels would print under 9pt.
      const ALLOWED = '.share, .pager, .toc, .anchor, .search-big, .js-only, .screen-only, button, [type=submit], .one-sheet .meaning, .one-sheet .pp-svg, .one-sheet .pp-key, .pathway-menu, .pathway-menu-phone, .step, .diagram-narrow, .legend-hint, .change-answers, .self-check';
      const screen = await page.evaluate((ALLOWED) => {
        let n = 0, len = 0;
        for (const el of document.querySelectorAll('main *')) {
          if (el.closest(ALLOWED) || !el.getClientRects().length) continue;
          const own = [...el.childNodes].filter((c) => c.nodeType === 3).map((c) => c.textContent).join('').replace(/\s+/g, '');
          if (!own && !el.matches('img, svg, input, select, textarea')) continue;
          el.setAttribute('data-pw-screen', String(n++));
          len += own.length;
        }
        return {n, len};
      }, ALLOWED);
      await page.emulateMediaType('print');
      const print = await page.evaluate(() => {
        const hidden = [];
        let len = 0;
        for (const el of document.querySelectorAll('[data-pw-screen]')) {
          const own = [...el.childNodes].filter((c) => c.nodeType === 3).map((c) => c.textContent).join('').replace(/\s+/g, '');
          if (!el.getClientRects().length || getComputedStyle(el).visibility === 'hidden') hidden.push(`${window.__pw.sel(el)} "${window.__pw.text(el)}"`);
          else len += own.length;
        }
        const shown = (q) => [...document.querySelectorAll(q)].filter((e) => e.getClientRects().length > 0).map((e) => window.__pw.sel(e));
        return {hidden, len, visibleChrome: shown('header nav, .site-nav, .share, .pager')};
      });
      await page.emulateMediaType(null);
      const lines = [];
      for (const s of print.visibleChrome) lines.push(`visible in print: ${s}`);
      for (const s of print.hidden) lines.push(`content hidden in print: ${s}`);
      return lines.length ? {fail: lines[0], lines: lines.slice(1)} : {note: `${print.len}/${screen.len} characters of content kept`};
    });
    await page.close();

    // ---- phones, JavaScript on
    const mob = await newPage(path);
    for (const w of PHONE_WIDTHS) {
      await check(`layout-${w}`, path, async () => {
        await mob.setViewport(phone(w));
        await scheme(mob, 'light');
        await mob.goto(url, {waitUntil: 'load'});
        await helpers(mob);
        const lines = await layoutCheck(mob);
        return lines.length ? {fail: lines[0].replace(/^\s+/, ''), lines: lines.slice(1)} : null;
      });
    }
    for (const mode of ['light', 'dark']) {
      await scheme(mob, mode);
      await mob.reload({waitUntil: 'load'});
      axeFound[mode].push({where: `${PHONE_WIDTHS[PHONE_WIDTHS.length - 1]}px`, violations: await runAxe(mob)});
    }
    for (const mode of ['light', 'dark']) await check(`axe-${mode}`, path, async () => axeOutcome(axeFound[mode]));
    await mob.close();

    // ---- JavaScript off: navigation and the share panel are plain HTML
    const ctx = await browser.createBrowserContext();
    const nojs = await newPage(path, {js: false, context: ctx});
    await nojs.setViewport(phone(390));
    await check('nojs', path, async () => {
      await nojs.goto(url, {waitUntil: 'load'});
      await helpers(nojs);
      const r = await nojs.evaluate((isResult) => {
        const pw = window.__pw, lines = [];
        const nav = [...document.querySelectorAll('.site-nav a[href]')].filter((a) => pw.visible(a));
        if (nav.length < 3) lines.push(`only ${nav.length} visible navigation links in .site-nav`);
        const share = document.querySelector('.share');
        let shareNote = 'no share panel';
        if (share) {
          const need = {'mailto link': 'a[href^="mailto:"]', 'URL input': 'input[type=text][readonly], input[readonly]'};
          if (!isResult) need['sms link'] = 'a[href^="sms:"]';
          for (const [what, q] of Object.entries(need)) {
            const el = share.querySelector(q);
            if (!el) lines.push(`share panel has no ${what} (${q})`);
            else if (!pw.visible(el)) lines.push(`share panel ${what} is not visible: ${pw.sel(el)}`);
          }
          const input = share.querySelector('input[readonly]');
          if (input && !/^https?:\/\//.test(input.value)) lines.push(`share URL input holds "${input.value}", not a full URL`);
          for (const b of share.querySelectorAll('button')) {
            if (pw.visible(b)) lines.push(`button that needs JavaScript is visible without it: ${pw.sel(b)} "${pw.text(b)}"`);
          }
          shareNote = 'share panel ok';
        }
        return {lines, note: `${nav.length} nav links, ${shareNote}`};
      }, path === SELF_CHECK_RESULT);
      return r.lines.length ? {fail: r.lines[0], lines: r.lines.slice(1)} : {note: r.note};
    });
    await ctx.close();

    await check('console', path, async () => {
      const list = [...new Set(problems.get(path) || [])];
      return list.length ? {fail: `${list.length} console error(s) / failed request(s)`, lines: list} : null;
    });
  }

  // ---- JavaScript off: journeys across pages
  const ctx = await browser.createBrowserContext();
  const nj = await newPage('nojs-journeys', {js: false, context: ctx});
  await nj.setViewport(phone(390));

  await check('nojs-nav', '/', async () => {
    await nj.goto(ORIGIN + '/', {waitUntil: 'load'});
    const hrefs = await nj.$$eval('.site-nav a[href]', (as) => as.map((a) => a.getAttribute('href')));
    if (hrefs.length < 3) return {fail: `only ${hrefs.length} navigation links`};
    const lines = [];
    for (const href of hrefs) {
      await nj.goto(ORIGIN + '/', {waitUntil: 'load'});
      const [resp] = await Promise.all([
        nj.waitForNavigation({waitUntil: 'load'}),
        nj.click(`.site-nav a[href="${href}"]`),
      ]);
      const got = new URL(nj.url()).pathname;
      if (!resp || resp.status() !== 200) lines.push(`${href}: HTTP ${resp ? resp.status() : 'none'}`);
      else if (got !== new URL(href, ORIGIN).pathname) lines.push(`${href}: landed on ${got}`);
      else if (!(await nj.$('h1'))) lines.push(`${href}: no h1 on the page`);
    }
    return lines.length ? {fail: lines[0], lines: lines.slice(1)} : {note: hrefs.join(' ')};
  });

  if (searchExists) {
    await check('nojs-search', '/', async () => {
      await nj.goto(ORIGIN + '/', {waitUntil: 'load'});
      const box = await nj.$('form[role=search] input[name=q], .site-search input[name=q]');
      if (!box) return {fail: 'no header search box (input[name=q]) on the home page'};
      await box.type('coder salary');
      const [resp] = await Promise.all([nj.waitForNavigation({waitUntil: 'load'}), box.press('Enter')]);
      const u = new URL(nj.url());
      if (u.pathname !== '/search' || u.searchParams.get('q') !== 'coder salary') return {fail: `submitted to ${u.pathname}${u.search}`};
      if (!resp || resp.status() !== 200) return {fail: `HTTP ${resp ? resp.status() : 'none'} for ${u.pathname}${u.search}`};
      const links = await nj.$$eval('main a[href^="/pathways/"]', (as) => as.length);
      const salary = await nj.$eval('main', (m) => /salary|pay/i.test(m.innerText));
      if (!links || !salary) return {fail: `results page has ${links} links to pathway pages${salary ? '' : ' and never mentions salary/pay'}`};
      return {note: `${links} result links`};
    });
  } else {
    report('SKIP', 'nojs-search', '/', '/search returns 404 (no search yet)');
  }

  await check('nojs-self-check', SELF_CHECK, async () => {
    await nj.goto(ORIGIN + SELF_CHECK, {waitUntil: 'load'});
    const form = await nj.$('form.self-check, main form[method=get]');
    if (!form) return {fail: 'no self-check form'};
    // answer: first choice of the first statement, second of the second, third of the third, ...
    const groups = await nj.$$eval('form.self-check fieldset', (fs) => fs.map((f) => f.querySelectorAll('input[type=radio]').length));
    if (!groups.length) return {fail: 'self-check form has no fieldsets with radio buttons'};
    for (let i = 0; i < groups.length; i++) {
      const labels = await nj.$$(`form.self-check fieldset:nth-of-type(${i + 1}) label`);
      if (labels.length) await labels[i % labels.length].click(); // click the label, as a person would
    }
    const checked = await nj.$$eval('form.self-check input[type=radio]:checked', (x) => x.length);
    if (checked !== groups.length) return {fail: `clicking labels checked ${checked} of ${groups.length} statements`};
    const [resp] = await Promise.all([
      nj.waitForNavigation({waitUntil: 'load'}),
      nj.click('form.self-check button[type=submit], form.self-check button:not([type])'),
    ]);
    const h1 = await nj.$eval('h1', (h) => h.textContent.trim()).catch(() => '');
    if (!resp || resp.status() !== 200) return {fail: `HTTP ${resp ? resp.status() : 'none'} for ${nj.url()}`};
    if (!/What your answers mean/.test(await nj.$eval('main', (m) => m.innerText))) return {fail: `result page ${nj.url()} lacks "What your answers mean" (h1: "${h1}")`};
    const u = new URL(nj.url());
    return {note: `${u.pathname}${u.search}`};
  });
  await ctx.close();

  // ---- every same-origin link on the tested pages leads somewhere
  await check('internal-links', `(${links.size} link targets on the tested pages)`, async () => {
    const lines = [];
    for (const [target, from] of links) {
      const code = await status(target);
      if (code >= 400 || code === 0) lines.push(`HTTP ${code} for ${target}, linked from ${[...from].slice(0, 4).join(' ')}${from.size > 4 ? ` and ${from.size - 4} more` : ''}`);
    }
    return lines.length ? {fail: `${lines.length} broken link target(s): ${lines[0]}`, lines: lines.slice(1)} : null;
  });

  // ---- the reader's journey (first screen, pay picture, menus, handout, self-check) and the map
  const sectionPaths = sitemap.filter((p) => p.startsWith(PATHWAY + '/') && !/\/(career-map|print|pay)(\/|$)/.test(p));
  const jp = await newPage('journey');
  await jp.setViewport(phone(390, 844));
  await scheme(jp, 'light');
  for (const path of [PATHWAY, ...sectionPaths].filter((p) => !ONLY || p.includes(ONLY))) {
    await check('first-screen', path, async () => {
      await jp.goto(ORIGIN + path, {waitUntil: 'load'});
      const found = await jp.evaluate(() => {
        const inView = (el) => { const r = el.getBoundingClientRect(); return r.height > 0 && r.top < innerHeight && r.bottom > 0; };
        const want = [...document.querySelectorAll('.key-figure, .pay-picture, .first-steps, .step a, .result-summary, form.self-check fieldset')];
        return want.filter(inView).map((el) => el.className || el.tagName);
      });
      return found.length ? {note: found.join(', ')} : {fail: 'no key figure, pay picture, first steps or next-step link in the first 390x844 screen'};
    });
  }
  for (const path of [PATHWAY, `${PATHWAY}/salary`]) {
    await check('pay-picture', path, async () => {
      await jp.goto(ORIGIN + path, {waitUntil: 'load'});
      const r = await jp.evaluate(() => {
        const fig = document.querySelector('.pay-picture');
        if (!fig) return {fail: 'no pay picture'};
        const bars = fig.querySelectorAll('svg .pp-bar').length;
        const items = [...fig.querySelectorAll('.pp-text li')];
        const marked = items.filter((li) => li.querySelector('sup.src a[href^="#"]')).length;
        if (!bars || items.length !== bars) return {fail: `${bars} bars but ${items.length} items in the text equivalent`};
        if (marked !== items.length) return {fail: `${items.length - marked} text items without a source marker`};
        return {note: `${bars} bars, each with its text and source`};
      });
      return r;
    });
  }
  for (const path of [...sectionPaths, MAP].filter((p) => !ONLY || p.includes(ONLY))) {
    await check('section-menu', path, async () => {
      const lines = [];
      for (const [vp, menu] of [[phone(390, 844), '.pathway-menu-phone'], [DESKTOP, '.pathway-menu']]) {
        await jp.setViewport(vp);
        await jp.goto(ORIGIN + path, {waitUntil: 'load'});
        const r = await jp.evaluate((menu, path) => {
          const m = document.querySelector(menu);
          if (!m || !window.getComputedStyle(m).display || m.getClientRects().length === 0) return `${menu} is not shown`;
          const cur = [...m.querySelectorAll('a[aria-current="page"]')];
          if (cur.length !== 1) return `${menu}: ${cur.length} links with aria-current`;
          if (new URL(cur[0].href).pathname !== path) return `${menu}: aria-current on ${cur[0].getAttribute('href')}`;
          return '';
        }, menu, path);
        if (r) lines.push(r);
      }
      await jp.setViewport(phone(390, 844));
      return lines.length ? {fail: lines[0], lines: lines.slice(1)} : null;
    });
  }
  await check('anchor-contrast', `${PATHWAY}/salary`, async () => {
    await jp.goto(ORIGIN + `${PATHWAY}/salary`, {waitUntil: 'load'});
    await helpers(jp);
    const low = await jp.evaluate(() => {
      const out = [];
      for (const a of document.querySelectorAll('.h .anchor')) {
        const fg = window.__pw.rgba(getComputedStyle(a).color);
        const op = Number(getComputedStyle(a).opacity);
        const bg = window.__pw.bgBehind(a);
        const eff = {r: fg.r * op + bg.r * (1 - op), g: fg.g * op + bg.g * (1 - op), b: fg.b * op + bg.b * (1 - op)};
        const c = window.__pw.contrast(eff, bg);
        if (c < 3) out.push(`${window.__pw.sel(a)} ${c.toFixed(2)}:1`);
      }
      return out;
    });
    return low.length ? {fail: `heading links under 3:1: ${low[0]}`, lines: low.slice(1)} : null;
  });
  await check('link-copied', `${PATHWAY}/salary`, async () => {
    const ctx2 = await browser.createBrowserContext();
    await ctx2.overridePermissions(ORIGIN, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
    const p2 = await newPage(`${PATHWAY}/salary#copy`, {context: ctx2});
    await p2.setViewport(DESKTOP);
    await p2.goto(ORIGIN + `${PATHWAY}/salary`, {waitUntil: 'load'});
    await p2.click('.h .anchor');
    const note = await p2.waitForSelector('.anchor-note', {visible: true, timeout: 3000}).then((el) => el.evaluate((e) => e.textContent)).catch(() => '');
    await ctx2.close();
    return note ? {note: `shows "${note}"`} : {fail: 'no visible note after copying a heading link'};
  });
  await check('handout-1-page', PRINT, async () => {
    const results = [];
    for (const format of ['Letter', 'A4']) {
      await jp.setViewport(DESKTOP);
      await jp.goto(ORIGIN + PRINT, {waitUntil: 'networkidle0'});
      const pdf = Buffer.from(await jp.pdf({format, printBackground: false}));
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
      results.push([format, pages]);
    }
    const bad = results.filter(([, n]) => n !== 1);
    return bad.length ? {fail: results.map(([f, n]) => `${f}: ${n} pages`).join(', ')} : {note: results.map(([f, n]) => `${f}: ${n} page`).join(', ')};
  });
  await check('no-bare-paths', PRINT, async () => {
    await jp.emulateMediaType('print');
    const bare = await jp.evaluate(() => {
      const out = [];
      for (const el of document.querySelectorAll('main *')) {
        const after = getComputedStyle(el, '::after').content;
        if (after && /\("?\//.test(after)) out.push(after);
      }
      return out;
    });
    await jp.emulateMediaType(null);
    return bare.length ? {fail: `local paths printed: ${bare[0]}`} : null;
  });
  await check('map-phone', MAP, async () => {
    const lines = [];
    for (const w of [320, 390]) {
      await jp.setViewport(phone(w, 844));
      await jp.goto(ORIGIN + MAP, {waitUntil: 'load'});
      const r = await jp.evaluate(() => {
        const svg = [...document.querySelectorAll('.diagram svg.career-svg')].find((s) => s.getClientRects().length);
        if (!svg) return {err: 'no diagram shown'};
        const vb = svg.viewBox.baseVal;
        const scale = svg.getBoundingClientRect().width / vb.width;
        const sizes = [...svg.querySelectorAll('text')].map((t) => parseFloat(t.getAttribute('font-size') || getComputedStyle(t).fontSize) * scale);
        const rows = svg.closest('.diagram-narrow') !== null;
        return {scale, min: Math.min(...sizes), rows, wide: document.documentElement.scrollWidth > innerWidth + 1};
      });
      if (r.err) lines.push(`${w}px: ${r.err}`);
      else {
        if (!r.rows) lines.push(`${w}px: the wide (columns) diagram is shown`);
        if (r.min < 14) lines.push(`${w}px: smallest diagram text ${r.min.toFixed(1)}px`);
        if (r.wide) lines.push(`${w}px: the page scrolls sideways`);
      }
    }
    await jp.setViewport(phone(390, 844));
    return lines.length ? {fail: lines[0], lines: lines.slice(1)} : {note: 'levels as rows, text >= 14px, no sideways scroll at 320 and 390'};
  });
  await check('map-highlight', MAP, async () => {
    await jp.setViewport(DESKTOP);
    await jp.goto(ORIGIN + MAP, {waitUntil: 'load'});
    const box = await jp.$('.diagram-wide .node-group a');
    if (!box) return {fail: 'no title links in the diagram'};
    const href = await box.evaluate((a) => a.getAttribute('href'));
    const card = href && await jp.$(`li.title-card${href}`).catch(() => null);
    if (!card) return {fail: `the first box links to ${href}, which is not a title card`};
    await box.evaluate((a) => a.focus());
    const r = await jp.evaluate(() => {
      const svg = document.querySelector('.diagram-wide svg');
      const g = document.activeElement.closest('.node-group');
      const shown = [...g.querySelectorAll('.hl')].filter((e) => getComputedStyle(e).display !== 'none').length;
      const dim = Number(getComputedStyle(svg.querySelector('.edges')).opacity);
      return {shown, dim};
    });
    if (!r.shown) return {fail: 'focusing a box shows none of its moves'};
    if (!(r.dim < 0.5)) return {fail: `the other moves are not dimmed (opacity ${r.dim})`};
    return {note: `focus shows ${r.shown} highlighted parts and dims the rest to ${r.dim}`};
  });
  await jp.close();
  await check('nojs-empty-self-check', SELF_CHECK, async () => {
    const p = await newPage(SELF_CHECK + '#empty', {js: false});
    await p.goto(ORIGIN + SELF_CHECK, {waitUntil: 'load'});
    const [resp] = await Promise.all([
      p.waitForNavigation({waitUntil: 'load'}),
      p.click('form.self-check button[type=submit]'),
    ]);
    const msg = await p.$eval('.form-error', (e) => e.textContent.trim()).catch(() => '');
    const status = resp ? resp.status() : 0;
    await p.close();
    return msg && status === 200 ? {note: msg} : {fail: `HTTP ${status}, message: "${msg}"`};
  });

  // ---- issue 24: phone pages say it once, in both editions
  const EDITIONS = ['', '/es'];
  const pathwayPages = [PATHWAY, ...sectionPaths];
  const ip = await newPage('issue-24');
  // Each figure once in a page's main flow: a figure is the value before a
  // source marker; a picture (figure element) or a table is one place, so a
  // picture's text equivalent and a table's rows hold their figures once.
  // The key figure at the top (the page's answer) is not counted.
  const figureRepeats = () => {
    for (const d of document.querySelectorAll('main details')) d.open = true;
    const RE = /\$\s?\d[\d.,]*|\d[\d.,]*\s?\$|\d[\d.,]*\s?%|\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+/g;
    const seen = new Map();
    for (const sup of document.querySelectorAll('main sup.src')) {
      if (sup.closest('.key-figure, .sources, .share') || !sup.getClientRects().length) continue;
      const block = sup.closest('li, td, th, p, dd, figcaption, caption') || sup.parentElement;
      const range = document.createRange(); range.setStart(block, 0); range.setEndBefore(sup);
      const m = range.toString().replace(/\[\d+\]/g, ' ').match(RE);
      if (!m) continue;
      const key = `${m[m.length - 1].replace(/\s+/g, ' ').trim()} ${sup.querySelector('a').getAttribute('href')}`;
      if (!seen.has(key)) seen.set(key, new Set());
      seen.get(key).add(sup.closest('figure, table') || block);
    }
    const most = Math.max(0, ...[...seen.values()].map((s) => s.size));
    return {figures: seen.size, most, repeats: [...seen].filter(([, s]) => s.size > 1).map(([k, s]) => `${k} in ${s.size} places`)};
  };
  for (const ed of EDITIONS) {
    for (const path of pathwayPages.map((p) => ed + p).filter((p) => !ONLY || p.includes(ONLY))) {
      await check('figure-once', path, async () => {
        const lines = [];
        let note = '';
        for (const w of [320, 390, 1280]) {
          await ip.setViewport(w < 500 ? phone(w) : DESKTOP);
          await ip.goto(ORIGIN + path, {waitUntil: 'load'});
          const r = await ip.evaluate(figureRepeats);
          for (const x of r.repeats) lines.push(`${w}px: ${x}`);
          note = `${r.figures} figures, each in at most ${r.most || 1} place`;
        }
        return lines.length ? {fail: lines[0], lines: lines.slice(1)} : {note};
      });
    }
  }
  // Tables: stacked rows on phones (never wider than their box), real tables for screen readers.
  for (const path of EDITIONS.map((e) => `${e}${PATHWAY}/credentials`).concat(EDITIONS.map((e) => `${e}${PATHWAY}/outlook`), EDITIONS.map((e) => `${e}${PATHWAY}/education`)).filter((p) => !ONLY || p.includes(ONLY))) {
    await check('tables-stack', path, async () => {
      const lines = [];
      let note = '';
      for (const w of [320, 390, 1280]) {
        await ip.setViewport(w < 500 ? phone(w) : DESKTOP);
        await ip.goto(ORIGIN + path, {waitUntil: 'load'});
        const r = await ip.evaluate(() => [...document.querySelectorAll('main .table-wrap')].map((wrap) => {
          const t = wrap.querySelector('table');
          const tr = t.querySelector('tbody tr');
          return {wide: wrap.scrollWidth > wrap.clientWidth + 1 || t.getBoundingClientRect().right > innerWidth + 0.5,
            stacked: getComputedStyle(tr).display === 'block', role: t.getAttribute('role'),
            labels: [...t.querySelectorAll('tbody td')].filter((td) => td.textContent.trim() && !td.dataset.label).length,
            rowHeads: t.querySelectorAll('tbody th[scope=row]').length === t.querySelectorAll('tbody tr').length};
        }));
        if (!r.length) { lines.push('no table'); break; }
        r.forEach((t, i) => {
          if (w < 500 && t.wide) lines.push(`${w}px: table ${i + 1} scrolls sideways`);
          if (w < 500 && !t.stacked) lines.push(`${w}px: table ${i + 1} is not stacked`);
          if (w >= 500 && t.stacked) lines.push(`${w}px: table ${i + 1} is stacked on a wide screen`);
          if (t.role !== 'table') lines.push(`table ${i + 1} has no role=table`);
          if (t.labels) lines.push(`table ${i + 1}: ${t.labels} cells without data-label`);
          if (!t.rowHeads) lines.push(`table ${i + 1}: a row without its row heading`);
        });
        note = `${r.length} tables: stacked at 320 and 390, columns at 1280`;
      }
      return lines.length ? {fail: lines[0], lines: lines.slice(1)} : {note};
    });
  }
  for (const ed of EDITIONS) {
    const path = ed + PATHWAY;
    if (ONLY && !path.includes(ONLY)) continue;
    await check('header-320', path, async () => {
      await ip.setViewport(phone(320));
      await ip.goto(ORIGIN + path, {waitUntil: 'load'});
      const h = await ip.evaluate(() => document.querySelector('.site-header').getBoundingClientRect().height);
      return h <= 140 ? {note: `${Math.round(h)}px`} : {fail: `header ${Math.round(h)}px tall at 320px (at most 140)`};
    });
    await check('overview-contents', path, async () => {
      const out = [];
      for (const w of [320, 390]) {
        await ip.setViewport(phone(w));
        await ip.goto(ORIGIN + path, {waitUntil: 'load'});
        const r = await ip.evaluate(() => {
          const list = document.querySelector('ol.section-list');
          const links = [...list.querySelectorAll('a')].filter((a) => a.checkVisibility() && a.getClientRects().length).length;
          return {h: list.getBoundingClientRect().height, top: list.getBoundingClientRect().top + scrollY, links, screen: innerHeight,
            closed: [...list.querySelectorAll('details.questions')].every((d) => !d.open)};
        });
        out.push({w, ...r});
      }
      // 11 parts with their one-line answers, questions one tap deeper: at most 12 links,
      // within 2 phone screens at 390px (2.25 at 320px, where names wrap more), starting
      // on the first screens (at most 1.5 screens down: after the lead and first steps)
      const bad = out.filter((r) => r.links > 12 || !r.closed || r.h > (r.w < 390 ? 2.25 : 2) * r.screen || r.top > 1.5 * r.screen);
      const note = out.map((r) => `${r.w}px: ${r.links} links, ${Math.round(r.h)}px (${(r.h / r.screen).toFixed(1)} screens) from ${(r.top / r.screen).toFixed(2)} screens down`).join('; ');
      return bad.length ? {fail: note} : {note};
    });
    await check('handout-pages', ed + PRINT, async () => {
      const res = [];
      for (const format of ['Letter', 'A4']) {
        await ip.setViewport(DESKTOP);
        await ip.goto(ORIGIN + ed + PRINT, {waitUntil: 'networkidle0'});
        const pdf = Buffer.from(await ip.pdf({format, printBackground: false}));
        res.push([format, (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length]);
      }
      const note = res.map(([f, n]) => `${f}: ${n} page${n === 1 ? '' : 's'}`).join(', ');
      return res.some(([, n]) => n !== 1) ? {fail: note} : {note};
    });
    // Printed text sizes on the one-sheet and a section page: none under 9pt.
    for (const p of [ed + PRINT, `${ed}${PATHWAY}/salary`]) {
      await check('print-sizes', p, async () => {
        // A4's printed width at 10mm margins (the narrower sheet: pictures scale down most)
        await ip.setViewport({width: 718, height: 900, deviceScaleFactor: 1});
        await ip.goto(ORIGIN + p, {waitUntil: 'networkidle0'});
        await ip.emulateMediaType('print');
        const r = await ip.evaluate(() => {
          let min = Infinity, where = '', under = 0;
          const small = [];
          for (const el of document.querySelectorAll('main *')) {
            if (!el.getClientRects().length) continue;
            if (![...el.childNodes].some((c) => c.nodeType === 3 && c.textContent.trim())) continue;
            let px = parseFloat(getComputedStyle(el).fontSize);
            const svg = el.closest('svg');
            // an SVG's text scales with its picture (preserveAspectRatio meet: the smaller ratio)
            const vb = svg && svg.viewBox.baseVal;
            if (vb && vb.width && vb.height) { const b = svg.getBoundingClientRect(); px *= Math.min(b.width / vb.width, b.height / vb.height); }
            if (px < 12 - 0.01 && under++ < 12) small.push(`${(px * 0.75).toFixed(1)}pt ${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 40)}"`);
            if (px < min) { min = px; where = `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : ''}`; }
          }
          const base = document.querySelector('main .pp-base'), bar = document.querySelector('main .pp-bar');
          return {min: min * 0.75, where, under, small, line: base && getComputedStyle(base).stroke, bar: bar && getComputedStyle(bar).fill};
        });
        await ip.emulateMediaType(null);
        const note = `smallest printed text ${r.min.toFixed(1)}pt (${r.where}); ${r.under} text elements under 9pt; all-jobs line ${r.line || 'none'} on bars ${r.bar || 'none'}`;
        if (r.line && r.bar && r.line === r.bar) return {fail: `the all-jobs line is the bars' colour in print: ${note}`};
        // No printed text under 9pt (12px at 96dpi), the source markers and notes included.
        return r.under ? {fail: note, lines: r.small} : {note};
      });
    }
  }
  await ip.close();

  // ---- screenshots
  await check('screenshots', SHOTS, async () => {
    mkdirSync(SHOTS, {recursive: true});
    const shots = [['home', '/'], ['overview', PATHWAY], ['section-salary', `${PATHWAY}/salary`],
      ...(searchExists ? [['search', SEARCH]] : []), ['career-map', MAP], ['handout', PRINT],
      ['self-check-result', SELF_CHECK_RESULT], ['section-education', `${PATHWAY}/education`]];
    const p = await newPage('screenshots');
    const files = [];
    for (const [name, path] of shots) {
      for (const [device, vp] of [['phone', phone(390, 844)], ['desktop', DESKTOP]]) {
        await p.setViewport(vp);
        for (const mode of ['light', 'dark']) {
          await scheme(p, mode);
          await p.goto(ORIGIN + path, {waitUntil: 'networkidle0'});
          const file = join(SHOTS, `${name}-${device}-${mode}.png`);
          await p.screenshot({path: file, fullPage: true});
          files.push(file);
        }
      }
    }
    // The career map at both widths the issue names.
    for (const [w, h] of [[320, 900], [1280, 900]]) {
      await p.setViewport(w < 500 ? phone(w, h) : {width: w, height: h, deviceScaleFactor: 1});
      await scheme(p, 'light');
      await p.goto(ORIGIN + MAP, {waitUntil: 'networkidle0'});
      const el = await p.$('#diagram');
      const file = join(SHOTS, `career-map-diagram-${w}.png`);
      if (el) { await el.screenshot({path: file}); files.push(file); }
    }
    // The first screen a phone reader sees (390 x 844, not the whole page):
    // what the first-screen checks look for, in English and Spanish.
    await p.setViewport(phone(390, 844));
    await scheme(p, 'light');
    for (const [name, path] of [['overview', PATHWAY], ['salary', `${PATHWAY}/salary`],
      ['education', `${PATHWAY}/education`], ['overview-es', `/es${PATHWAY}`]]) {
      await p.goto(ORIGIN + path, {waitUntil: 'networkidle0'});
      const file = join(SHOTS, `first-screen-${name}-390.png`);
      await p.screenshot({path: file});
      files.push(file);
    }
    await p.close();
    return {note: `${files.length} PNGs in ${SHOTS}${searchExists ? '' : ' (no search yet, so no search shots)'}`};
  });
} catch (e) {
  console.error('suite error:', e && e.stack || e);
  exitCode = 2;
} finally {
  await cleanup();
}
console.log(`(${((Date.now() - t0) / 1000).toFixed(1)} s, ${skipped} skipped)`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(exitCode || (failed ? 1 : 0));
