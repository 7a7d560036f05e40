import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { emailTranslator } from '@/lib/email/email-translator';
import { renderEmail } from '@/lib/email/render-email';
import { TEMPLATE_NAMES, type TemplateName, type TemplateProps } from '@/lib/email/templates';
import { LOCALES } from '@/lib/i18n/config';

const firm = { firmName: 'Peeters & Dubois Advocaten' };

const samples: { [N in TemplateName]: TemplateProps<N> } = {
  invitation: { ...firm, inviterName: 'Sofie Peeters', role: 'ASSISTANT', url: 'https://sejour.example/invitations/tok-inv-123', expiresInDays: 7 },
  'magic-link': { ...firm, url: 'https://sejour.example/portal/sign-in/verify?token=tok-ml-456', minutes: 20 },
  'portal-invitation': { ...firm, advisorName: 'Sofie Peeters', clientName: 'Amina Haddad', url: 'https://sejour.example/portal/sign-in/verify?token=tok-pi-789', expiresInDays: 7 },
};

const render = <N extends TemplateName>(template: N, locale: (typeof LOCALES)[number], props: TemplateProps<N> = samples[template]) =>
  renderEmail({ template, locale, props });

describe.each(TEMPLATE_NAMES)('email template %s', (template) => {
  it.each(LOCALES)('renders in %s: subject, HTML with lang, text with the link, no untranslated key', async (locale) => {
    const email = await render(template, locale);
    const url = samples[template].url;
    expect(email.subject.length).toBeGreaterThan(5);
    expect(email.subject).not.toMatch(/[\r\n{}]/);
    expect(email.html).toMatch(new RegExp(`<html[^>]*\\blang="${locale}"`));
    expect(email.html).toContain(`href="${url.replaceAll('&', '&amp;')}"`);
    expect(email.text).toContain(url);
    expect(email.text).toContain(firm.firmName);
    for (const part of [email.subject, email.text, email.html]) {
      // next-intl's fallback for a missing message is its dotted key; ICU leftovers would be braces.
      expect(part).not.toMatch(/\bemails\.|\b(invitation|magicLink|portalInvitation|layout)\.[a-z]/);
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
