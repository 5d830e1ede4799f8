// Browser test of the prescriber path on both links of the demo organisation, in headless Debian
// Chromium: clicks like a prescriber would, checks the recap, and runs axe-core on every page.
// Usage: node prescriber_flow.mjs /path/to/creneau-server
import { audit, check, runWalk, usagerLinks } from './harness.mjs';

async function fillPrescriber(page) {
  await page.getByLabel('Votre prénom').fill('Paul');
  await page.getByLabel('Votre nom').fill('Mairie');
  await page.getByLabel('Votre e-mail professionnel').fill('paul.mairie@example.fr');
  await page.getByRole('button', { name: 'Continuer' }).click();
}

async function newUsagerLink(dataDir, before) {
  for (let i = 0; i < 100; ++i) {
    const fresh = [...usagerLinks(dataDir)].filter((l) => !before.includes(l));
    if (fresh.length) return fresh[0];
    await new Promise((r) => setTimeout(r, 100));
  }
  return null;
}

// « Modifier » on each block of the confirmation page: back to that step, values kept.
async function modifyEachBlock(page, usagerName, phone) {
  await page.getByRole('button', { name: 'Modifier le bénéficiaire' }).click();
  check(await page.getByLabel(/^Prénom/).inputValue() === usagerName, 'Modifier usager keeps the first name');
  check(await page.getByRole('textbox', { name: 'Téléphone portable' }).inputValue() === phone, 'Modifier usager keeps the phone');
  await audit(page, 'usager form via Modifier');
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.getByRole('button', { name: 'Modifier le prescripteur' }).click();
  check(await page.getByLabel(/^Votre e-mail/).inputValue() === 'paul.mairie@example.fr', 'Modifier prescriber keeps the e-mail');
  await page.getByRole('button', { name: 'Continuer' }).click();
  check(await page.getByLabel(/^Prénom/).inputValue() === usagerName, 'usager values kept after the prescriber step');
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.getByRole('button', { name: 'Modifier le créneau' }).click();
  check((await page.locator('h1').innerText()).includes('Choisir un autre créneau'), 'Modifier créneau lists créneaux');
  await audit(page, 'other créneaux via Modifier');
  // The farthest of the nearest ones: the usager may still cancel it online (delay of hours).
  await page.locator('button.slot').last().click();
  check(await page.getByRole('button', { name: 'Confirmer le rendez-vous' }).isVisible(), 'back to the confirmation with another créneau');
  check((await page.locator('main').innerText()).includes(usagerName), 'usager kept after changing the créneau');
  // Reload of a step page shows the same step again.
  await page.reload().catch(() => {});
  check(await page.getByRole('button', { name: 'Confirmer le rendez-vous' }).isVisible(), 'reload keeps the confirmation');
}

async function walk(page, base, startPath, motifName, viaChoice, usagerName, remembered, phone, dataDir, afterwards) {
  await page.goto(base + startPath);
  await audit(page, `organisation ${startPath}`);
  await page.getByRole('link', { name: new RegExp(`Voir les créneaux.*${motifName}`) }).click();
  await audit(page, `créneaux of ${motifName}`);
  // Next week: far enough for the usager to cancel or move online later in this test (the
  // organisation's delay is hours; today's first créneau may be closer early in the morning).
  await page.getByRole('link', { name: /Semaine suivante/ }).click();
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
  // The post answered and its redirect shown before reloading (a reload during the navigation
  // detaches the page).
  await page.locator('h1').filter({ hasText: 'bénéficiaire' }).waitFor();
  // Post/Redirect/Get: Reload shows the step again, Back the previous one with its values.
  await page.reload();
  check((await page.locator('h1').innerText()).includes('bénéficiaire'), 'reload keeps the usager step');
  await page.goBack();
  check(await page.getByLabel(/^Votre e-mail/).inputValue() === 'paul.mairie@example.fr', 'Back to the prescriber step keeps the values');
  await page.goForward();
  check((await page.locator('h1').innerText()).includes('bénéficiaire'), 'Forward to the usager step');
  await audit(page, 'usager form');
  await page.getByLabel(/^Prénom/).fill(usagerName);
  await page.getByLabel(/^Nom/).fill('Dupont');
  await page.getByRole('textbox', { name: 'Téléphone portable' }).fill(phone);
  await page.getByLabel(/^Date de naissance/).fill('1980-03-14');
  await page.getByRole('button', { name: 'Continuer' }).click();
  await audit(page, 'confirmation');
  check((await page.locator('main').innerText()).includes('14/03/1980'), 'birth date as 14/03/1980');
  await modifyEachBlock(page, usagerName, phone);
  const linksBefore = usagerLinks(dataDir);
  const chosen = await page.evaluate(() => {
    const form = document.querySelector('form[action$="/confirmer"]');
    return ['motif', 'lieu', 'debut'].map((n) => `${n}=${form.elements[n].value}`).join('&');
  });
  await page.getByRole('button', { name: 'Confirmer le rendez-vous' }).click();
  await page.waitForURL(/recapitulatif/);
  const text = await page.locator('main').innerText();
  check(text.includes('Rendez-vous confirmé'), 'recap heading');
  check(text.includes(motifName), 'recap motif');
  check(/(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) \d+ \S+ \d{4} à \d{1,2}\sh(\s\d\d)?/.test(text), 'recap date in words, « 9 h 45 »');
  check(text.includes('Un e-mail de confirmation vous a été envoyé à paul.mairie@example.fr'), 'recap says the prescriber got an e-mail');
  check(text.includes(`recevra un SMS au ${phone}`), 'recap says the usager gets an SMS');
  check((await page.locator('header .site-name').innerText()) !== 'Créneau', 'recap header names the organisation');
  check(text.includes(usagerName) && text.includes('Paul Mairie'), 'recap usager and prescriber');
  check(!/annuler ce rendez-vous/i.test(text), 'no cancellation for a prescriber');
  check(await page.getByRole('link', { name: /\.ics/ }).isVisible(), 'ics link');
  await audit(page, 'recap');
  // Back after booking: the step says it is confirmed already, nothing is posted again.
  await page.goBack();
  check((await page.locator('h1').innerText()).includes('déjà confirmé'), 'Back after booking says it is confirmed');
  check(await page.getByRole('link', { name: 'Voir le rendez-vous' }).isVisible(), 'Back after booking links to the recap');
  await audit(page, 'already confirmed');
  await page.reload();
  check((await page.locator('h1').innerText()).includes('déjà confirmé'), 'Reload after booking books nothing');
  // The same créneau opened again (another tab, a colleague): taken, the nearest ones offered.
  await page.goto(`${base}${startPath}/creneau?${chosen}`);
  check((await page.locator('h1').innerText()).includes("n'est plus disponible"), 'taken message');
  await audit(page, 'taken');
  await page.goForward().catch(() => {});
  await page.setViewportSize({ width: 360, height: 740 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  check(!overflow, 'no horizontal scrolling at 360 px');
  await page.setViewportSize({ width: 1280, height: 800 });
  // The usager's own link, from their SMS: never shown to the prescriber, it cancels or moves.
  const link = await newUsagerLink(dataDir, linksBefore);
  check(link !== null, 'the prescribed usager got their private link by SMS');
  if (link) await afterwards(page, link);
}

async function usagerCancels(page, link) {
  await page.goto(link);
  await audit(page, 'usager page');
  await page.getByRole('button', { name: 'Annuler ce rendez-vous' }).click();
  await page.locator('main').filter({ hasText: 'Votre rendez-vous a bien été annulé' }).waitFor({ timeout: 10000 }).catch(() => {});
  check((await page.locator('main').innerText()).includes('Votre rendez-vous a bien été annulé'), 'usager cancelled with the link');
  await page.reload();
  check((await page.locator('h1').innerText()).includes('Rendez-vous annulé'), 'reload after cancelling re-posts nothing');
}

async function usagerMoves(page, link) {
  await page.goto(link);
  const before = await page.locator('dl.recap').innerText();
  await page.getByRole('link', { name: 'Déplacer ce rendez-vous' }).click();
  await audit(page, 'move page');
  await page.setViewportSize({ width: 360, height: 740 });
  await audit(page, 'move page at 360 px');
  await page.setViewportSize({ width: 1280, height: 800 });
  if (await page.locator('button.slot').count() === 0)
    await page.getByRole('link', { name: /Semaine suivante/ }).click();
  await page.locator('button.slot').last().click();
  await page.locator('main').filter({ hasText: 'Votre rendez-vous a bien été déplacé' }).waitFor({ timeout: 10000 }).catch(() => {});
  const text = await page.locator('main').innerText();
  check(text.includes('Votre rendez-vous a bien été déplacé'), 'usager moved with the link');
  check((await page.locator('dl.recap').innerText()) !== before, 'the recap shows the new créneau');
  await audit(page, 'usager page after moving');
}

await runWalk(async (page, server) => {
  console.log('partner link');
  await walk(page, server.base, '/rdv/mfs-vernon/prescripteur', 'Accompagnement RSA', false, 'Léa', false,
             '06 12 34 56 78', server.dataDir, usagerCancels);
  console.log('public link');
  await walk(page, server.base, '/rdv/mfs-vernon', 'Aide aux démarches CAF', true, "Jo'Anne", true, // names hold no markup now
             '06 98 76 54 32', server.dataDir, usagerMoves);
});
