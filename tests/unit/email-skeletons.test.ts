import { describe, expect, it } from 'vitest';
import { renderEmail } from '@/lib/email/render-email';
import { LOCALES } from '@/lib/i18n/config';
import { DEADLINE_KINDS } from '@/lib/rules/vocabulary';

// The reminder templates, sent by the thousand, are filled into a cached skeleton instead of rendered by React
// for every recipient. Whatever the names, links, kinds and dates, what a reader gets must be exactly what a full
// render gives: same subject, same HTML, same text.

const names = [
  ['Sofie Peeters', 'Amina Haddad'],
  ["Zoë D'Hondt & fils", 'Ünal <Öztürk>'],
  ['Jan', 'Jan'], // the advisor and the client with one name: a template comparing them must see it
  ['李伟', 'N\u00e9h\u00e9mie "Nono" Kabasele-Mutombo, épouse Van den Broeck-Verhaegen de la Croix'],
  ['   Padded   ', 'tab\tand  double  space'], // not printed as given by HTML: must fall back to a full render
];
const firms = ['Peeters Advocaten', 'Cabinet Dubois & Associés', 'Ça va "bien"'];

const variants = names.flatMap(([person, client], i) => [
  { person: person!, client: client!, firm: firms[i % firms.length]!, kind: DEADLINE_KINDS[i % DEADLINE_KINDS.length]!, daysLeft: i, logo: i % 2 === 0 },
]);

describe.each(LOCALES)('reminder emails in %s, from the skeleton', (locale) => {
  it.each(variants)('deadline reminder for $person about $client ($kind, $daysLeft days) is the full render', async (v) => {
    const props = {
      firmName: v.firm,
      ...(v.logo ? { firmLogoUrl: 'https://cdn.example/logo.png?size=2&v=1' } : {}),
      recipientName: v.person,
      clientName: v.client,
      caseReference: `REQ-2027-00${v.daysLeft}`,
      deadlineKind: v.kind,
      deadlineLabel: `${v.kind} label`,
      dueOn: '2027-03-22',
      ...(v.kind === 'RENEWAL_WINDOW' ? { opensOn: '2027-02-05' } : {}),
      daysLeft: v.daysLeft,
      basis: 'Art. 39/57 §1 Vreemdelingenwet',
      caseUrl: `https://sejour.example/cases/c${v.daysLeft}?tab=deadlines&x=1`,
    };
    // Twice from the cache: the first call builds the skeleton, the second uses the one built.
    const first = await renderEmail({ template: 'deadline-reminder', locale, props });
    const second = await renderEmail({ template: 'deadline-reminder', locale, props });
    const full = await renderEmail({ template: 'deadline-reminder', locale, props, skeleton: false });
    expect(first).toEqual(full);
    expect(second).toEqual(full);
    expect(full.html).toContain(props.caseUrl.replaceAll('&', '&amp;'));
  });

  it.each(variants)('client reminder for $client ($kind, $daysLeft days) is the full render', async (v) => {
    const props = {
      firmName: v.firm,
      ...(v.logo ? { firmLogoUrl: 'https://cdn.example/logo.png' } : {}),
      clientName: v.client,
      deadlineKind: v.kind,
      deadlineLabel: `${v.kind} label`,
      dueOn: '2027-03-22',
      ...(v.kind === 'RENEWAL_WINDOW' ? { opensOn: '2027-02-05' } : {}),
      daysLeft: v.daysLeft,
      advisorName: v.person,
      portalUrl: 'https://sejour.example/portal',
    };
    await renderEmail({ template: 'client-reminder', locale, props });
    const cached = await renderEmail({ template: 'client-reminder', locale, props });
    expect(cached).toEqual(await renderEmail({ template: 'client-reminder', locale, props, skeleton: false }));
  });
});

describe('the inbox preview', () => {
  it('names the deadline in the HTML, hidden and padded in plain ASCII, and stays out of the text part', async () => {
    const email = await renderEmail({
      template: 'deadline-reminder',
      locale: 'nl',
      props: {
        firmName: 'Peeters Advocaten', recipientName: 'Sofie', clientName: 'Amina Haddad', caseReference: 'REQ-1', deadlineKind: 'APPEAL',
        deadlineLabel: 'Beroep', dueOn: '2027-03-22', daysLeft: 7, basis: 'Art. 39/57', caseUrl: 'https://sejour.example/cases/c1',
      },
    });
    const preview = /<div style="display:none[^"]*" data-skip-in-text="true">([^<]*)<div>([^<]*)<\/div><\/div>/.exec(email.html);
    expect(preview?.[1]).toContain('Amina Haddad');
    expect(preview?.[2]).toMatch(/^(&zwnj;&nbsp;)+$/);
    // No invisible Unicode left anywhere: each would cost 9 bytes once quoted-printable.
    expect(email.html).not.toMatch(/[\u200b-\u200f\ufeff]/);
    expect(email.text).not.toContain('&zwnj;');
    expect(email.text.trimStart().startsWith('Peeters Advocaten')).toBe(true);
  });
});
