import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { emailTranslator } from '@/lib/email/email-translator';
import { renderEmail } from '@/lib/email/render-email';
import { TEMPLATE_NAMES, type TemplateName, type TemplateProps } from '@/lib/email/templates';
import { LOCALES } from '@/lib/i18n/config';
import { DEADLINE_KINDS, type DeadlineKind } from '@/lib/rules/vocabulary';
import { formatPlainDate } from '@/emails/_components/email-dates';
import { firm, linkField, samples } from './support/email-samples';

type DigestItem = TemplateProps<'daily-digest'>['items'][number];
const linkOf = (template: TemplateName) => (samples[template] as Record<string, unknown>)[linkField[template]] as string;

const render = <N extends TemplateName>(template: N, locale: (typeof LOCALES)[number], props: TemplateProps<N> = samples[template]) =>
  renderEmail({ template, locale, props });

describe.each(TEMPLATE_NAMES)('email template %s', (template) => {
  it.each(LOCALES)('renders in %s: subject, HTML with lang, text with the link, no untranslated key', async (locale) => {
    const email = await render(template, locale);
    const url = linkOf(template);
    expect(email.subject.length).toBeGreaterThan(5);
    expect(email.subject).not.toMatch(/[\r\n{}]/);
    expect(email.html).toMatch(new RegExp(`<html[^>]*\\blang="${locale}"`));
    expect(email.html).toContain(`href="${url.replaceAll('&', '&amp;')}"`);
    expect(email.text).toContain(url);
    expect(email.text).toContain(firm.firmName);
    for (const part of [email.subject, email.text, email.html]) {
      // next-intl's fallback for a missing message is its dotted key; ICU leftovers would be braces.
      expect(part).not.toMatch(
        /\bemails\.|\b(invitation|magicLink|portalInvitation|layout|common|deadlineReminder|dailyDigest|clientReminder|statusChange|documentRequested|documentRejected|clientMessage)\.[a-z]/,
      );
      expect(part).not.toMatch(/\{[a-zA-Z]+[,}]/);
    }
  });

  it('is really translated: the subject differs in each language', async () => {
    const subjects = await Promise.all(LOCALES.map(async (locale) => (await render(template, locale)).subject));
    expect(new Set(subjects).size).toBe(LOCALES.length);
  });
});

describe('email content', () => {
  it('puts the role, the inviter and the validity in the invitation, in the reader language', async () => {
    const nl = await render('invitation', 'nl');
    expect(nl.subject).toBe('Sofie Peeters nodigt u uit bij Peeters & Dubois Advocaten op Sejour');
    expect(nl.text).toContain('als assistent');
    expect(nl.text).toContain('7 dagen geldig');
    const fr = await render('invitation', 'fr', { ...samples.invitation, role: 'ADMIN', expiresInDays: 1 });
    expect(fr.text).toContain('« administrateur »');
    expect(fr.text).toContain('valable 1 jour ');
  });

  it('tells the client how many minutes the sign-in link works and to ignore it if not asked', async () => {
    const fr = await render('magic-link', 'fr');
    expect(fr.subject).toBe('Votre lien de connexion pour Peeters & Dubois Advocaten');
    expect(fr.text).toContain('expire dans 20 minutes');
    expect(fr.text).toContain("Si vous n'avez pas demandé à vous connecter");
    const en = await render('magic-link', 'en', { ...samples['magic-link'], minutes: 1 });
    expect(en.text).toContain('expires in 1 minute.');
  });

  it('greets the client by name when known, and generically otherwise', async () => {
    expect((await render('portal-invitation', 'nl')).text).toContain('Beste Amina Haddad,');
    const { clientName: _omitted, ...withoutName } = samples['portal-invitation'];
    expect((await render('portal-invitation', 'nl', withoutName)).text).toContain('Goeddag,');
  });

  it('shows the firm logo when there is one, with an alternative text', async () => {
    const email = await render('magic-link', 'en', { ...samples['magic-link'], firmLogoUrl: 'https://cdn.example/logo.png' });
    expect(email.html).toMatch(/<img[^>]+alt="Peeters &amp; Dubois Advocaten logo"[^>]+src="https:\/\/cdn.example\/logo.png"|<img[^>]+src="https:\/\/cdn.example\/logo.png"[^>]+alt="Peeters &amp; Dubois Advocaten logo"/);
    expect((await render('magic-link', 'en')).html).not.toContain('<img');
  });

  it('escapes names in the HTML', async () => {
    const email = await render('invitation', 'en', { ...samples.invitation, inviterName: 'Eve <script>alert(1)</script>' });
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script&gt;');
  });
});

describe('deadline emails', () => {
  it('names the deadline, the case and the days left in the advisor reminder subject', async () => {
    expect((await render('deadline-reminder', 'en')).subject).toBe('Appeal due in 7 days: 2026-0001-1 (Haddad)');
    expect((await render('deadline-reminder', 'nl', { ...samples['deadline-reminder'], deadlineLabel: 'Beroep', daysLeft: 1 })).subject).toBe('Beroep: termijn verstrijkt morgen – 2026-0001-1 (Haddad)');
    expect((await render('deadline-reminder', 'fr', { ...samples['deadline-reminder'], deadlineLabel: 'Recours', daysLeft: 0 })).subject).toBe("Recours : échéance aujourd'hui – 2026-0001-1 (Haddad)");
    const email = await render('deadline-reminder', 'en', { ...samples['deadline-reminder'], opensOn: '2026-11-14' });
    expect(email.text).toContain('14 December 2026');
    expect(email.text).toContain('14 November 2026');
    expect(email.text).toContain('Art. 39/57 §1 Vreemdelingenwet');
    await expect(render('deadline-reminder', 'en', { ...samples['deadline-reminder'], daysLeft: -1 })).rejects.toBeInstanceOf(ZodError);
    await expect(render('deadline-reminder', 'en', { ...samples['deadline-reminder'], opensOn: '2026-12-15' })).rejects.toBeInstanceOf(ZodError);
  });

  it('lists overdue deadlines first, then by date, whatever the order it is given, and counts them', async () => {
    const sample = samples['daily-digest'];
    const [later, soon, overdue] = sample.items as [DigestItem, DigestItem, DigestItem];
    const older = { ...overdue, caseReference: '2026-0009-1', dueOn: '2026-11-30', daysLeft: -7 };
    const items = [later, soon, overdue, older];
    const expected = ['2026-0009-1', '2026-0002-1', '2026-0001-1', '2026-0003-1'];
    for (const order of [items, [...items].reverse(), [soon, older, later, overdue]]) {
      const email = await render('daily-digest', 'en', { ...sample, items: order, count: 4, overdueCount: 2 });
      const positions = expected.map((reference) => email.text.indexOf(reference));
      expect(positions.every((position) => position >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      const [first, lastOverdue, firstUpcoming] = positions as [number, number, number, number];
      expect(email.text.indexOf('Overdue')).toBeLessThan(first);
      expect(email.text.indexOf('Coming up')).toBeGreaterThan(lastOverdue);
      expect(email.text.indexOf('Coming up')).toBeLessThan(firstUpcoming);
      expect(email.subject).toBe('4 deadlines in the coming days, 2 overdue');
      expect(email.text).toContain('4 deadlines need your attention. 2 are overdue');
      expect(email.text).toContain('30 November 2026 (7 days overdue)');
    }
    expect((await render('daily-digest', 'nl')).subject).toBe('3 termijnen in de komende dagen, 1 verstreken');
    expect((await render('daily-digest', 'fr')).subject).toBe('3 échéances dans les prochains jours, 1 dépassée');
    const none = await render('daily-digest', 'en', { ...sample, items: [later], count: 1, overdueCount: 0 });
    expect(none.subject).toBe('1 deadline in the coming days');
    expect(none.text).not.toContain('Overdue');
  });

  it('refuses digest counts that disagree with its list', async () => {
    await expect(render('daily-digest', 'en', { ...samples['daily-digest'], count: 2 })).rejects.toBeInstanceOf(ZodError);
    await expect(render('daily-digest', 'en', { ...samples['daily-digest'], overdueCount: 0 })).rejects.toBeInstanceOf(ZodError);
    await expect(render('daily-digest', 'en', { ...samples['daily-digest'], items: [], count: 0, overdueCount: 0 })).rejects.toBeInstanceOf(ZodError);
  });

  const CLIENT_KINDS = [
    'REGISTRATION',
    'RENEWAL_WINDOW',
    'CARD_EXPIRY',
    'ARRIVAL_DECLARATION',
    'DECLARATION_OF_PRESENCE',
    'EU_REGISTRATION',
    'ADDRESS_CHANGE',
    'RETURN_AFTER_ABSENCE',
    'DOCUMENT_EXPIRY',
  ] as const satisfies readonly DeadlineKind[];
  const instruction = (locale: (typeof LOCALES)[number], kind: DeadlineKind) =>
    emailTranslator(locale)(`clientReminder.instructions.${kind}`, { advisorName: samples['client-reminder'].advisorName });

  it.each(LOCALES)('tells the client what to do for each kind they act on, never the generic sentence (%s)', async (locale) => {
    const generic = instruction(locale, 'DECISION_DUE');
    for (const kind of CLIENT_KINDS) {
      const email = await render('client-reminder', locale, { ...samples['client-reminder'], deadlineKind: kind });
      expect(instruction(locale, kind), kind).not.toBe(generic);
      expect(email.text, kind).toContain(instruction(locale, kind));
      expect(email.text, kind).not.toContain(generic);
    }
    for (const kind of DEADLINE_KINDS.filter((k) => !(CLIENT_KINDS as readonly DeadlineKind[]).includes(k))) {
      expect((await render('client-reminder', locale, { ...samples['client-reminder'], deadlineKind: kind })).text, kind).toContain(generic);
    }
  });

  it('shows both dates of a window to the client, in each language', async () => {
    const window = { ...samples['client-reminder'], deadlineKind: 'RENEWAL_WINDOW' as const, opensOn: '2026-10-15' };
    expect((await render('client-reminder', 'en', window)).text).toContain('Between 15 October 2026 and 14 December 2026. The last day is in 7 days.');
    expect((await render('client-reminder', 'nl', window)).text).toContain('Tussen 15 oktober 2026 en 14 december 2026. De laatste dag is over 7 dagen.');
    expect((await render('client-reminder', 'fr', window)).text).toContain('Entre le 15 octobre 2026 et le 14 décembre 2026. Le dernier jour est dans 7 jours.');
    expect((await render('client-reminder', 'en')).text).toContain('By 14 December 2026 at the latest (in 7 days).');
    expect((await render('client-reminder', 'nl', { ...samples['client-reminder'], daysLeft: 0 })).subject).toBe('Herinnering – Registration at the commune: vandaag is de laatste dag');
  });

  it('shows a plain date as its own calendar day, whatever the time zone of the server', async () => {
    const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    for (const day of ['2026-01-01', '2026-03-29', '2026-10-25', '2026-12-31', '2028-02-29']) {
      const [year, month, date] = day.split('-').map(Number) as [number, number, number];
      expect(formatPlainDate('en', day)).toBe(`${date} ${months[month - 1]} ${year}`);
      // What formatting the same instant in a zone far from UTC would show: another day at each end of the world.
      const instant = new Date(`${day}T00:00:00Z`);
      expect(new Intl.DateTimeFormat('en-GB', { day: 'numeric', timeZone: 'Pacific/Pago_Pago' }).format(instant)).not.toBe(String(date));
      expect(new Intl.DateTimeFormat('en-GB', { day: 'numeric', timeZone: 'Pacific/Kiritimati' }).format(new Date(`${day}T23:00:00Z`))).not.toBe(String(date));
    }
    const yearEnd = { ...samples['deadline-reminder'], dueOn: '2026-12-31' };
    expect((await render('deadline-reminder', 'en', yearEnd)).text).toContain('31 December 2026');
    expect((await render('deadline-reminder', 'nl', yearEnd)).text).toContain('31 december 2026');
    expect((await render('deadline-reminder', 'fr', yearEnd)).text).toContain('31 décembre 2026');
    expect(formatPlainDate('nl', '2026-01-01')).toBe('1 januari 2026');
    expect(formatPlainDate('fr', '2026-01-01')).toBe('1 janvier 2026');
  });
});

describe('client emails', () => {
  it('tells the client the new stage of their file, with the phase only when there is one', async () => {
    const email = await render('status-change', 'en');
    expect(email.subject).toBe('Your file 2026-0001-1: Application filed');
    expect(email.text).toContain('Family reunification');
    expect(email.text).toContain('Phase');
    const { phaseLabel: _omitted, ...withoutPhase } = samples['status-change'];
    expect((await render('status-change', 'en', withoutPhase)).text).not.toContain('Phase');
    expect((await render('status-change', 'nl')).subject).toBe('Uw dossier 2026-0001-1: Application filed');
  });

  it('lists every requested document, in the singular when there is one', async () => {
    const email = await render('document-requested', 'en');
    expect(email.subject).toBe('Sofie Peeters needs 2 documents from you');
    expect(email.text).toContain('* Passport');
    expect(email.text).toContain('* Birth certificate');
    const one = await render('document-requested', 'fr', { ...samples['document-requested'], documents: ['Passeport'], count: 1 });
    expect(one.subject).toBe("Sofie Peeters a besoin d'un document de votre part");
    expect(one.text).toContain('Déposez-le dans votre portail.');
    await expect(render('document-requested', 'en', { ...samples['document-requested'], count: 3 })).rejects.toBeInstanceOf(ZodError);
  });

  it('quotes the reason for a refused document as given, escaped, line breaks kept', async () => {
    const reason = 'Scan is <script>alert(1)</script> unreadable & cut.\nPlease send page 2 too.';
    const email = await render('document-rejected', 'nl', { ...samples['document-rejected'], reason });
    expect(email.subject).toBe('Document niet aanvaard: Birth certificate');
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; unreadable &amp; cut.<br/>Please send page 2 too.');
    expect(email.text).toContain('Scan is <script>alert(1)</script> unreadable & cut.\nPlease send page 2 too.');
    await expect(render('document-rejected', 'en', { ...samples['document-rejected'], reason: 'x'.repeat(1001) })).rejects.toBeInstanceOf(ZodError);
  });
});

describe('email props', () => {
  it('refuses links that are not http(s), names with line breaks and missing fields', async () => {
    await expect(render('magic-link', 'en', { ...samples['magic-link'], url: 'javascript:alert(1)' })).rejects.toBeInstanceOf(ZodError);
    await expect(render('invitation', 'en', { ...samples.invitation, inviterName: 'Eve\r\nBcc: all@example.com' })).rejects.toBeInstanceOf(ZodError);
    await expect(render('invitation', 'en', { ...samples.invitation, firmName: '' })).rejects.toBeInstanceOf(ZodError);
  });

  it('throws on a missing message instead of sending its key', () => {
    const t = emailTranslator('nl') as unknown as (key: string) => string;
    expect(() => t('invitation.doesNotExist')).toThrow();
  });
});
