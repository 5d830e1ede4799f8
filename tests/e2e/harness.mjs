// What the browser walks share: the creneau-server on the demo, headless Debian Chromium through
// playwright-core, axe-core on a page, the checks' tally and the usager's links from the outbox.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
if (!existsSync(join(here, 'node_modules', 'playwright-core')) ||
    !existsSync(join(here, 'node_modules', 'axe-core'))) {
  console.error(`FAIL: ${join(here, 'node_modules')} is missing playwright-core or axe-core. ` +
                `Run "npm ci" in ${here} (CI does it in .ci/run).`);
  process.exit(1);
}
const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const binary = process.argv[2];
if (!binary || !existsSync(binary)) {
  console.error('FAIL: pass the creneau-server binary as first argument');
  process.exit(1);
}

// The server on the demo data in a throw-away folder, on a free loopback port.
function startServer() {
  const dataDir = mkdtempSync(join(tmpdir(), 'creneau-e2e-'));
  const proc = spawn(binary, ['--data', dataDir, '--listen', '127.0.0.1:0', '--demo',
                              '--rate-limit', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('server did not start: ' + out)), 30000);
    proc.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/Listening on (http:\/\/127\.0\.0\.1:\d+)/);
      if (m) {
        clearTimeout(timer);
        resolve({ proc, base: m[1], dataDir });
      }
    });
    proc.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}

export const failures = [];
export function check(condition, message) {
  if (!condition) {
    failures.push(message);
    console.error('  ✗ ' + message);
  }
}

export async function audit(page, label) {
  await page.addScriptTag({ content: axeSource }).catch(async () => {
    // The CSP forbids inline scripts on our pages; evaluate axe through the DevTools protocol.
    await page.evaluate(axeSource);
  });
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  });
  check(result.length === 0, `axe on ${label}: ${result.join('; ')}`);
  console.log(`  axe ${label}: ${result.length} violation(s)`);
}

// The usager's private links in the messages the server wrote to <data>/outbox (no SMTP nor SMS
// gateway configured), as the usager receives them by SMS; each once, in the order written.
export function usagerLinks(dataDir) {
  const dir = join(dataDir, 'outbox');
  const links = [];
  if (!existsSync(dir)) return links;
  for (const name of readdirSync(dir)) {
    const text = readFileSync(join(dir, name), 'utf8');
    for (const m of text.matchAll(/Infos et annulation : (\S+\/mon-rdv\/[A-Za-z0-9_-]+)/g))
      if (!links.includes(m[1])) links.push(m[1]);
  }
  return links;
}

// Runs `walk(page, server)` on a fresh server and browser page (French, CSP bypassed for axe),
// then tears both down and exits 1 when a check failed.
export async function runWalk(walk) {
  let server;
  let browser;
  try {
    server = await startServer();
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    const context = await browser.newContext({ locale: 'fr-FR', bypassCSP: true });
    context.setDefaultTimeout(10000);
    await walk(await context.newPage(), server);
  } catch (e) {
    failures.push(String(e && e.stack || e));
    console.error(e);
  } finally {
    if (browser) await browser.close();
    if (server) {
      server.proc.kill('SIGTERM');
      rmSync(server.dataDir, { recursive: true, force: true });
    }
  }
  if (failures.length) {
    console.error(`FAIL: ${failures.length} check(s) failed`);
    process.exit(1);
  }
  console.log('PASS');
}
