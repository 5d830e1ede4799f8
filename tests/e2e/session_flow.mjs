// Browser test of a collective session on the partners' link of the demo organisation
// (« Réunion d'information RSA », 12 places), in headless Debian Chromium: a prescriber chooses a
// session, registers a beneficiary, sees the places left go down by one, is told when the same
// beneficiary is registered again, and meets a full session (filled through the public API) with
// the next sessions offered. axe-core runs on every page.
// Usage: node session_flow.mjs /path/to/creneau-server
import { audit, check, runWalk, usagerLinks } from './harness.mjs';

const slug = 'mfs-vernon';
const motifName = "Réunion d'information RSA";

// Nothing of what was typed or of the data may come out as markup: every page's text is read
// back and must not show an escaped entity nor a tag.
async function checkText(page, label) {
  const text = await page.locator('main').innerText();
  check(!/&(amp|lt|gt|quot|#39);|<\/?[a-z]+[ >]/i.test(text), `${label}: no double escaping nor raw markup in « ${text.slice(0, 200)} »`);
  return text;
}

// The public API, as a partner's software uses it.
async function api(base, path, body) {
  const r = await fetch(base + `/api/v1/public/${slug}` + path, body ? {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  } : {});
  return { status: r.status, json: await r.json().catch(() => null) };
}

async function sessionsOf(base, motifId) {
  const r = await api(base, `/motifs/${motifId}/sessions`);
  return r.json || [];
}

function registration(motifId, sessionId, i) {
  return {
    motif_id: motifId,
    session_id: sessionId,
    booked_by: 'prescripteur',
    prescripteur: { first_name: 'Anne', last_name: 'Orienteuse', email: 'anne@cd27.example.fr' },
    usager: { first_name: 'Participant', last_name: `Numéro ${String.fromCharCode(97 + i)}`,
              phone: `06 22 00 00 ${String(10 + i)}` },
  };
}

// The sessions page's row of one session: its link's text is the date.
function sessionRow(page, label) {
  return page.locator('ul.sessions li').filter({ hasText: label });
}

await runWalk(async (page, server) => {
  const base = server.base;
  const motifs = (await api(base, '/motifs')).json || [];
  const motif = motifs.find((m) => m.name === motifName);
  check(motif && motif.capacity === 12, 'the demo has the collective motif with 12 places');
  const before = await sessionsOf(base, motif.id);
  check(before.length >= 3, 'the collective motif has upcoming sessions');
  const chosen = before[0];
  const toFill = before[2];


  console.log('partner link: a session chosen');
  const startPath = `/rdv/${slug}/prescripteur`;
  await page.goto(base + startPath);
  await audit(page, 'organisation');
  const card = page.locator('li.card').filter({ hasText: motifName });
  check((await card.innerText()).includes('12 places'), 'the collective motif says how many places it has');
  await card.getByRole('link').click();
  await audit(page, 'sessions');
  let text = await checkText(page, 'sessions');
  check((await page.locator('h1').innerText()).includes(motifName), 'sessions page names the motif');
  check(text.includes('12 places restantes'), 'sessions say « 12 places restantes »');
  const sessionLinks = page.locator('ul.sessions a');
  check(await sessionLinks.count() === before.length, 'one link per upcoming session');
  const chosenLabel = await sessionLinks.first().innerText();
  await sessionLinks.first().click();
  // The partners' link is for prescribers: no choice to make there; offered elsewhere, it is taken.
  const choice = page.getByRole('link', { name: 'Je suis un prescripteur qui oriente un bénéficiaire' });
  if (await choice.count()) {
    await audit(page, 'choice');
    await choice.click();
  }
  check((await page.locator('h1').innerText()).includes('prescripteur'), 'prescriber form shown');
  text = await checkText(page, 'prescriber form');
  check(text.includes(chosenLabel), 'the prescriber form recalls the session chosen');
  // One invalid field first: its French error next to it, the values kept.
  await page.getByLabel(/^Votre prénom/).fill('Paul');
  await page.getByLabel(/^Votre nom/).fill('Mairie');
  await page.getByLabel(/^Votre e-mail/).fill('paul.mairie@');
  await page.getByRole('button', { name: 'Continuer' }).click();
  check(await page.locator('.error-summary').isVisible(), 'error summary shown');
  const emailError = page.locator('#prescripteur-email-error');
  check(await emailError.count() === 1 && /adresse|e-mail/i.test(await emailError.innerText()),
        'a French error next to the e-mail field');
  check(await page.getByLabel(/^Votre prénom/).inputValue() === 'Paul', 'first name kept after the error');
  check(await page.getByLabel(/^Votre e-mail/).inputValue() === 'paul.mairie@', 'what was typed is kept');
  await audit(page, 'prescriber form with errors');
  await page.getByLabel(/^Votre e-mail/).fill('paul.mairie@example.fr');
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.locator('h1').filter({ hasText: 'bénéficiaire' }).waitFor();
  await audit(page, 'usager form');
  // The usager's phone wrong first.
  await page.getByLabel(/^Prénom/).fill('Léa');
  await page.getByLabel(/^Nom/).fill("Dupont-L'Hôte <b>");
  await page.getByRole('textbox', { name: 'Téléphone portable' }).fill('06 12');
  await page.getByRole('button', { name: 'Continuer' }).click();
  const phoneError = page.locator('#usager-phone-error');
  check(await phoneError.count() === 1 && /numéro|téléphone/i.test(await phoneError.innerText()),
        'a French error next to the phone field');
  check(await page.getByLabel(/^Prénom/).inputValue() === 'Léa', 'usager first name kept after the error');
  await audit(page, 'usager form with errors');
  // Names hold no markup: the server says so, in French, next to the field.
  if (await page.locator('#usager-last_name-error').count()) {
    check(/caractère|nom/i.test(await page.locator('#usager-last_name-error').innerText()), 'the name error is French');
    check(await page.getByLabel(/^Nom/).inputValue() === "Dupont-L'Hôte <b>", 'the name typed is kept as typed');
  }
  await page.getByLabel(/^Nom/).fill("Dupont-L'Hôte");
  await page.getByRole('textbox', { name: 'Téléphone portable' }).fill('06 12 34 56 78');
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.getByRole('button', { name: 'Confirmer le rendez-vous' }).waitFor();
  await audit(page, 'confirmation');
  text = await checkText(page, 'confirmation');
  check(text.includes("Léa Dupont-L'Hôte"), 'confirmation shows the usager, quote as typed');
  check(text.includes(chosenLabel), 'confirmation shows the session chosen');
  // « Modifier » the session: the list again, and back to the confirmation with the values kept.
  await page.getByRole('button', { name: 'Modifier le créneau' }).click();
  await page.locator('ul.sessions').waitFor();
  await audit(page, 'sessions via Modifier');
  await page.locator('ul.sessions a').first().click();
  await page.getByRole('button', { name: 'Confirmer le rendez-vous' }).waitFor();
  check((await page.locator('main').innerText()).includes("Léa Dupont-L'Hôte"), 'usager kept after changing the session');
  await page.getByRole('button', { name: 'Confirmer le rendez-vous' }).click();
  await page.waitForURL(/recapitulatif/);
  await audit(page, 'recap');
  text = await checkText(page, 'recap');
  check(text.includes('Rendez-vous confirmé') || text.includes('Inscription confirmée'), 'recap heading');
  check(text.includes(motifName), 'recap motif');
  check(text.includes(chosenLabel), 'recap date of the session');
  check(text.includes("Léa Dupont-L'Hôte") && text.includes('Paul Mairie'), 'recap usager and prescriber');
  check(text.includes('Un e-mail de confirmation vous a été envoyé à paul.mairie@example.fr'), 'recap says the prescriber got an e-mail');

  // The places left went down by one, on the page and in the API.
  await page.goto(base + startPath + `/motif/${motif.id}`);
  check((await sessionRow(page, chosenLabel).innerText()).includes('11 places restantes'), 'the page says 11 places left');
  const after = await sessionsOf(base, motif.id);
  check(after[0].places_left === chosen.places_left - 1, 'the API says one place fewer');

  console.log('the same beneficiary again');
  await sessionLinks.first().click();
  check(await page.getByLabel(/^Votre prénom/).inputValue() === 'Paul', 'prescriber remembered');
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.locator('h1').filter({ hasText: 'bénéficiaire' }).waitFor();
  await page.getByLabel(/^Prénom/).fill('Léa');
  await page.getByLabel(/^Nom/).fill("Dupont-L'Hôte");
  await page.getByRole('textbox', { name: 'Téléphone portable' }).fill('06 12 34 56 78');
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.getByRole('button', { name: 'Confirmer le rendez-vous' }).click();
  await page.locator('.error-summary').waitFor();
  text = await checkText(page, 'already registered');
  check(/déjà inscrit/.test(text), `told the beneficiary is already registered (« ${text.slice(0, 160)} »)`);
  check(!page.url().includes('recapitulatif'), 'no recap for a second registration');
  await audit(page, 'already registered');
  check((await sessionsOf(base, motif.id))[0].places_left === chosen.places_left - 1, 'not registered twice');

  console.log('a full session');
  // Filled through the public API, one place left for the browser to lose.
  for (let i = 0; i < toFill.places_left - 1; ++i) {
    const r = await api(base, '/rdvs', registration(motif.id, toFill.id, i));
    check(r.status === 201, `registration ${i} through the API: ${r.status} ${JSON.stringify(r.json)}`);
  }
  await page.goto(base + startPath + `/motif/${motif.id}`);
  const fillLabel = await sessionLinks.nth(2).innerText();
  check((await sessionRow(page, fillLabel).innerText()).includes('1 place restante'), '« 1 place restante »');
  await sessionLinks.nth(2).click();
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.locator('h1').filter({ hasText: 'bénéficiaire' }).waitFor();
  await page.getByLabel(/^Prénom/).fill('Tom');
  await page.getByLabel(/^Nom/).fill('Retard');
  await page.getByRole('textbox', { name: 'Téléphone portable' }).fill('06 33 44 55 66');
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.getByRole('button', { name: 'Confirmer le rendez-vous' }).waitFor();
  // Someone else takes the last place meanwhile.
  const last = await api(base, '/rdvs', registration(motif.id, toFill.id, 20));
  check(last.status === 201, 'the last place taken through the API');
  const full = await api(base, '/rdvs', registration(motif.id, toFill.id, 21));
  check(full.status === 409 && Array.isArray(full.json?.next_sessions) && full.json.next_sessions.length > 0,
        'the API refuses a full session and offers the next ones');
  await page.getByRole('button', { name: 'Confirmer le rendez-vous' }).click();
  await page.locator('h1').filter({ hasText: 'session' }).waitFor();
  text = await checkText(page, 'full session');
  check(/complète/.test(text), 'told the session is full');
  check((await sessionRow(page, fillLabel).innerText()).includes('Complet'), 'the full session says « Complet »');
  check(await sessionRow(page, fillLabel).getByRole('link').count() === 0, 'a full session has no link');
  const offered = page.locator('ul.sessions a');
  check(await offered.count() >= 1, 'other sessions offered');
  await audit(page, 'full session');
  // The next session offered keeps what was typed: straight to the confirmation.
  const nextLabel = await offered.nth(2).innerText();
  await offered.nth(2).click();
  await page.getByRole('button', { name: 'Confirmer le rendez-vous' }).waitFor();
  text = await checkText(page, 'confirmation in the next session');
  check(text.includes('Tom Retard') && text.includes(nextLabel), 'values kept into the next session');
  await page.getByRole('button', { name: 'Confirmer le rendez-vous' }).click();
  await page.waitForURL(/recapitulatif/);
  check((await page.locator('main').innerText()).includes(nextLabel), 'registered into the next session');

  console.log("the beneficiary's own link");
  // Léa's SMS: her place, which she cancels (never moves: it follows its session).
  let leaLink = null;
  for (let i = 0; i < 100 && !leaLink; ++i) {
    for (const link of usagerLinks(server.dataDir)) {
      const r = await fetch(link);
      if ((await r.text()).includes('Dupont-L&#39;Hôte')) leaLink = link;
    }
    if (!leaLink) await new Promise((r) => setTimeout(r, 100));
  }
  check(leaLink !== null, 'the beneficiary got her private link by SMS');
  if (leaLink) {
    await page.goto(leaLink);
    await audit(page, 'usager page of a place');
    text = await checkText(page, 'usager page of a place');
    check(text.includes('session collective'), 'her page says it is a place in a collective session');
    check(await page.getByRole('link', { name: 'Déplacer ce rendez-vous' }).count() === 0, 'no « Déplacer » for a place in a session');
    const move = await fetch(leaLink + '/deplacer');
    check(move.status === 409 && (await move.text()).includes('ne se déplace pas'), 'the move page says a place is not moved');
    await page.getByRole('button', { name: 'Annuler ce rendez-vous' }).click();
    await page.locator('main').filter({ hasText: 'bien été annulé' }).waitFor();
    check((await sessionsOf(base, motif.id))[0].places_left === chosen.places_left, 'her place is free again');
  }

  // A phone's width.
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(base + startPath + `/motif/${motif.id}`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  check(!overflow, 'no horizontal scrolling at 360 px on the sessions page');
  await audit(page, 'sessions at 360 px');
});
