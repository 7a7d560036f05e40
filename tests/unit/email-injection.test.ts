import { describe, expect, it } from 'vitest';
import { renderEmail } from '@/lib/email/render-email';
import { EMAIL_TEMPLATES, TEMPLATE_NAMES, type TemplateName, type TemplateProps } from '@/lib/email/templates';
import { samples } from './support/email-samples';

// A client, colleague or firm named with markup: every free-text prop of every email (names, references, a
// message, a reason, a task's title) is given each payload, and the HTML must print it as text. Links are free
// text too, to a point: a javascript: address must never reach an href.

const PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=1</script>',
  '"><svg onload=alert(1)>',
  "' onmouseover='alert(1)",
];

/** The start tags of the HTML: React escapes every < in text and attributes, so each one left opens a real tag. */
const startTags = (html: string) => [...html.matchAll(/<([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g)].map((m) => ({ name: m[1]!.toLowerCase(), attributes: m[2]! }));

function expectNoInjectedMarkup(html: string) {
  for (const tag of startTags(html)) {
    expect(['img', 'script', 'svg', 'iframe', 'object']).not.toContain(tag.name);
    expect(tag.attributes).not.toMatch(/\son[a-z]+\s*=/i);
  }
}

type Props = Record<string, unknown>;

/** Every string leaf of the sample that the template's schema still accepts with `value` in it, replaced. */
function inject(template: TemplateName, value: string): { props: Props; injected: string[] } {
  const schema = EMAIL_TEMPLATES[template].props;
  let props = structuredClone(samples[template]) as Props;
  const injected: string[] = [];
  const visit = (path: (string | number)[], node: unknown) => {
    if (typeof node === 'string') {
      const next = structuredClone(props);
      let parent: Record<string | number, unknown> = next;
      for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
      parent[path.at(-1)!] = value;
      if (schema.safeParse(next).success) {
        props = next;
        injected.push(path.join('.'));
      }
    } else if (node && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) visit([...path, Array.isArray(node) ? Number(key) : key], child);
    }
  };
  visit([], props);
  return { props, injected };
}

describe.each(TEMPLATE_NAMES)('email %s with markup in its text', (template) => {
  it.each(PAYLOADS)('prints %s as text, in the full render and the skeleton alike', async (payload) => {
    const { props, injected } = inject(template, payload);
    // Every template has names in it: a template with nothing to inject means the schema or samples changed.
    expect(injected.length).toBeGreaterThan(0);
    for (const skeleton of [true, false]) {
      const email = await renderEmail({ template, locale: 'en', props: props as TemplateProps<typeof template>, skeleton });
      const body = email.html.replace(/<!DOCTYPE[^>]*>/, '');
      expectNoInjectedMarkup(body);
      // Printed, escaped: the payload is there for the reader to see.
      expect(body).toContain(payload.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#x27;'));
      // A subject is a header line: markup is harmless there, a line break would start a new header.
      expect(email.subject).not.toMatch(/[\r\n]/);
    }
  });

  it('never puts a script address in a link, and keeps line breaks out of the subject', async () => {
    const hostile = inject(template, 'Eve\r\nBcc: everyone@attacker.example');
    const email = await renderEmail({ template, locale: 'en', props: hostile.props as TemplateProps<typeof template> });
    expect(email.subject).not.toMatch(/[\r\n]/);
    const scripted = inject(template, 'javascript:alert(document.domain)');
    const links = await renderEmail({ template, locale: 'en', props: scripted.props as TemplateProps<typeof template>, skeleton: false });
    expect(links.html).not.toMatch(/href="\s*javascript:/i);
  });
});
