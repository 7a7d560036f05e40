import { render } from '@react-email/render';
import { type ComponentType, createElement } from 'react';
import type { AppLocale } from '@/lib/i18n/config';
import { emailTranslator } from './email-translator';
import { EMAIL_TEMPLATES, type TemplateName, type TemplateProps } from './templates';

export type RenderedEmail = { subject: string; html: string; text: string };

type AnyTemplateProps = Record<string, unknown> & { locale: AppLocale };

/**
 * Renders one template in one language to what is stored in the outbox and sent: subject, HTML and
 * plain text. Props are checked against the template's schema first (throws a ZodError), so a bad
 * link or an empty name fails here, at enqueue time, not when the worker sends.
 */
export async function renderEmail<N extends TemplateName>(input: { template: N; locale: AppLocale; props: TemplateProps<N> }): Promise<RenderedEmail> {
  const entry = EMAIL_TEMPLATES[input.template];
  const props: Record<string, unknown> = entry.props.parse(input.props);
  // Indexing the registry by a generic N loses the link between a component and its props; the
  // parse above has just checked these props against this very component's schema.
  const component = entry.component as unknown as ComponentType<AnyTemplateProps>;
  const element = createElement(component, { ...props, locale: input.locale });
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  const subject = emailTranslator(input.locale)(entry.subjectKey, subjectValues(props));
  return { subject, html, text };
}

/** Subjects are plain ICU strings over the template's own props (names, counts). */
function subjectValues(props: Record<string, unknown>): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(props)) {
    if (typeof value === 'string' || typeof value === 'number') values[name] = value;
  }
  return values;
}
