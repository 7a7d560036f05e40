import { render } from '@react-email/render';
import { createElement } from 'react';
import type { AppLocale } from '@/lib/i18n/config';
import { emailTranslator } from './email-translator';
import { EMAIL_TEMPLATES, type TemplateComponent, type TemplateName, type TemplateProps } from './templates';

export type RenderedEmail = { subject: string; html: string; text: string };

/**
 * Renders one template in one language to what is stored in the outbox and sent: subject, HTML and
 * plain text. Props are checked against the template's schema first (throws a ZodError), so a bad
 * link or an empty name fails here, at enqueue time, not when the worker sends.
 */
export async function renderEmail<N extends TemplateName>(input: { template: N; locale: AppLocale; props: TemplateProps<N> }): Promise<RenderedEmail> {
  const entry = EMAIL_TEMPLATES[input.template];
  const props = entry.props.parse(input.props) as TemplateProps<N>;
  // The registry is a union over templates; indexing it by N loses the link between a component
  // and its props, which the parse above has just re-established.
  const component = entry.component as unknown as TemplateComponent<N>;
  const element = createElement(component, { ...props, locale: input.locale });
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  const subject = emailTranslator(input.locale)(entry.subjectKey, props);
  return { subject, html, text };
}
