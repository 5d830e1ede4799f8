// Browser test of the prescriber path on both links of the demo organisation, in headless Debian
// Chromium: clicks like a prescriber would, checks the recap, and runs axe-core on every page.
// Usage: node prescriber_flow.mjs /path/to/creneau-server
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
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
const axeSource = require('fs').readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const binary = process.argv[2];
if (!binary || !existsSync(binary)) {
  console.error('FAIL: pass the creneau-server binary as first argument');
  process.exit(1);
}

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

const failures = [];
function check(condition, message) {
  if (!condition) {
    failures.push(message);
    console.error('  ✗ ' + message);
  }
}

async function audit(page, label) {
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

async function fillPrescriber(page) {
  await page.getByLabel('Votre prénom').fill('Paul');
  await page.getByLabel('Votre nom').fill('Mairie');
  await page.getByLabel('Votre e-mail professionnel').fill('paul.mairie@example.fr');
  await page.getByRole('button', { name: 'Continuer' }).click();
}

async function walk(page, base, startPath, motifName, viaChoice, usagerName, remembered) {
  await page.goto(base + startPath);
  await audit(page, `organisation ${startPath}`);
  await page.getByRole('link', { name: new RegExp(`Voir les créneaux.*${motifName}`) }).click();
  await audit(page, `créneaux of ${motifName}`);
  // Late in the week no créneau is left: the page offers the next available one, as a user sees.
  if (await page.locator('a.slot').count() === 0) {
    const next = page.getByText('Prochaine disponibilité').getByRole('link');
    check(await next.count() === 1, 'an empty week links to the next available créneau');
    await next.click();
  }
  await page.locator('a.slot').first().click();
  if (viaChoice) {
    await audit(page, 'choice');
    await page.getByRole('link', { name: 'Je suis un prescripteur qui oriente un bénéficiaire' }).click();
  }
  check((await page.locator('h1').innerText()).includes('prescripteur'), 'prescriber form shown');
  if (remembered)
    check(await page.getByLabel(/^Votre prénom/).inputValue() === 'Paul', 'prescriber remembered');
  // First submit without an e-mail: errors with a summary, then fill in.
  await page.getByLabel(/^Votre e-mail/).fill('');
  await page.getByRole('button', { name: 'Continuer' }).click();
  check(await page.locator('.error-summary').isVisible(), 'error summary shown');
  await audit(page, 'prescriber form with errors');
  await fillPrescriber(page);
  await audit(page, 'usager form');
  await page.getByLabel(/^Prénom/).fill(usagerName);
  await page.getByLabel(/^Nom/).fill('Dupont');
  await page.getByRole('textbox', { name: 'Téléphone portable' }).fill('06 12 34 56 78');
  await page.getByRole('button', { name: 'Continuer' }).click();
  await audit(page, 'confirmation');
  await page.getByRole('button', { name: 'Confirmer le rendez-vous' }).click();
  await page.waitForURL(/recapitulatif/);
  const text = await page.locator('main').innerText();
  check(text.includes('Rendez-vous confirmé'), 'recap heading');
  check(text.includes(motifName), 'recap motif');
  check(/(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) \d+ \S+ \d{4} à \d\d:\d\d/.test(text), 'recap date in words');
  check(text.includes(usagerName) && text.includes('Paul Mairie'), 'recap usager and prescriber');
  check(!/annuler ce rendez-vous/i.test(text), 'no cancellation for a prescriber');
  check(await page.getByRole('link', { name: /\.ics/ }).isVisible(), 'ics link');
  await audit(page, 'recap');
  // Back to the confirmation and confirm again: the page still works and says the créneau is
  // taken now, offering the nearest ones.
  await page.goBack();
  check(await page.getByRole('button', { name: 'Confirmer le rendez-vous' }).isVisible(),
        'back button shows the confirmation again');
  await page.getByRole('button', { name: 'Confirmer le rendez-vous' }).click();
  check((await page.locator('h1').innerText()).includes("n'est plus disponible"), 'taken message');
  await audit(page, 'taken');
  await page.goForward().catch(() => {});
  await page.setViewportSize({ width: 360, height: 740 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  check(!overflow, 'no horizontal scrolling at 360 px');
  await page.setViewportSize({ width: 1280, height: 800 });
}

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
  const page = await context.newPage();
  console.log('partner link');
  await walk(page, server.base, '/rdv/mfs-vernon/prescripteur', 'Accompagnement RSA', false, 'Léa', false);
  console.log('public link');
  await walk(page, server.base, '/rdv/mfs-vernon', 'Aide aux démarches CAF', true, "Jo'Anne", true); // names hold no markup now
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
