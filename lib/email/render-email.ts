import { render, toPlainText } from '@react-email/render';
import { type ComponentType, createElement } from 'react';
import { isLocale, type AppLocale } from '@/lib/i18n/config';
import type { PublicLocale } from '@/lib/i18n/public-locales';
import { bookingTranslator } from './booking-translator';
import { emailTranslator, type EmailTranslator } from './email-translator';
import { EMAIL_TEMPLATES, isPublicTemplate, type TemplateName, type TemplateProps } from './templates';

export type RenderedEmail = { subject: string; html: string; text: string };

/** An email's language: the app's three, or German too for the public templates (templates.ts). */
export type EmailLocale = PublicLocale;

type SubjectTranslator = (key: string, values: Record<string, string | number>) => string;

type AnyTemplateProps = Record<string, unknown> & { locale: EmailLocale };

/**
 * Renders one template in one language to what is stored in the outbox and sent: subject, HTML and
 * plain text. Props are checked against the template's schema first (throws a ZodError), so a bad
 * link or an empty name fails here, at enqueue time, not when the worker sends.
 *
 * The plain text is derived from the HTML render (what react-email's `plainText` option does with a second
 * render of its own). The reminder templates, sent by the thousand, are rendered through a cached skeleton
 * (see `SLOTS` below): the same bytes as a full render, without React for every email.
 */
export async function renderEmail<N extends TemplateName>(input: {
  template: N;
  locale: EmailLocale;
  props: TemplateProps<N>;
  /** false: a full React render, never a skeleton (what the skeletons are checked against) */
  skeleton?: boolean;
}): Promise<RenderedEmail> {
  const entry = EMAIL_TEMPLATES[input.template];
  if (!isPublicTemplate(input.template) && !isLocale(input.locale)) throw new Error(`${input.template} has no ${input.locale} catalogue`);
  const props: Record<string, unknown> = entry.props.parse(input.props);
  const cached = input.skeleton === false ? null : await fromSkeleton(input.template, input.locale, props);
  const { html, text } = cached ?? (await renderBody(input.template, input.locale, props));
  const values = subjectValues(props);
  // The registry's keys are checked by the template tests in every language; the translators' own key types
  // cannot follow a key picked from a union of templates.
  const t = (isPublicTemplate(input.template) ? bookingTranslator(input.locale) : translator(input.locale as AppLocale)) as unknown as SubjectTranslator;
  const subject = t(entry.subjectKey, values);
  return { subject, html, text };
}

async function renderBody(template: TemplateName, locale: EmailLocale, props: Record<string, unknown>): Promise<{ html: string; text: string }> {
  // Indexing the registry by a generic name loses the link between a component and its props; the caller
  // has checked these props against this very component's schema.
  const component = EMAIL_TEMPLATES[template].component as unknown as ComponentType<AnyTemplateProps>;
  const html = await render(createElement(component, { ...props, locale }));
  // react-email's plainText render converts the same markup before it adds the XHTML doctype, which the
  // converter skips like any other directive: the text is the same.
  return { html, text: toPlainText(html) };
}

/** Subjects are plain ICU strings over the template's own props (names, counts). */
function subjectValues(props: Record<string, unknown>): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(props)) {
    if (typeof value === 'string' || typeof value === 'number') values[name] = value;
    // ICU select on a flag ("{moved, select, true {…} other {…}}").
    else if (typeof value === 'boolean') values[name] = String(value);
  }
  return values;
}

// One translator per language: it keeps the messages it has parsed, where a new one parses them again.
const translators = new Map<AppLocale, EmailTranslator>();
function translator(locale: AppLocale): EmailTranslator {
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = emailTranslator(locale)));
  return t;
}

// ---------- skeletons: one React render per template, language and shape, reused for every recipient ----------
//
// The props of a bulk template are of two sorts. Slots are free text that the template only ever prints (names,
// references, links): React escapes them into the HTML, and the text converter prints them as they are (upper-cased
// in a heading). Everything else (kind, dates, day counts, which optional slots are present, which slots are equal)
// is the shape: it can change words, plural forms and structure. For a shape, the template is rendered once with a
// marker in each slot; the output is cut at the markers, and each email pastes its own escaped values in.
//
// A skeleton is used only after it has proved itself: two more full renders with other markers (longer ones with
// characters to escape, accents, a space, a long preview) must come out exactly as the
// skeleton filled with those markers. A template that does more than print a slot fails that proof, and its
// emails are rendered in full, as before. Values that the converter or React would change (whitespace runs,
// control characters, javascript: or mailto: links) are rendered in full too.

/** The bulk templates and their slots: string props printed as given. Add a template here only with a test. */
const SLOTS: Partial<Record<TemplateName, readonly string[]>> = {
  'deadline-reminder': ['firmName', 'firmLogoUrl', 'recipientName', 'clientName', 'caseReference', 'deadlineLabel', 'basis', 'caseUrl'],
  'client-reminder': ['firmName', 'firmLogoUrl', 'clientName', 'deadlineLabel', 'advisorName', 'portalUrl'],
};

type Part = string | { slot: number; upper?: true };
type Skeleton = { html: Part[]; text: Part[] };

const MAX_SKELETONS = 2_000;
const skeletons = new Map<string, Promise<Skeleton | null>>();

// Markers: private-use characters around lower-case letters, so that an upper-cased slot is still found.
const marker = (index: number) => `\uE000q${letters(index)}\uE001`;
const letters = (index: number): string => (index < 26 ? String.fromCharCode(97 + index) : letters(Math.floor(index / 26) - 1) + String.fromCharCode(97 + (index % 26)));
const MARKER = /\uE000(q|Q)([a-zA-Z]+)\uE001/g;

// A value is pasted only if a full render would print it unchanged (bar escaping and a heading's capitals).
const PLAIN = /^[^\s\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ue000-\uf8ff](?:[^\s\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ue000-\uf8ff]| (?! ))*$/;
const plain = (value: string) => PLAIN.test(value) && !value.endsWith(' ') && !value.startsWith('#') && !/^(?:javascript|vbscript|data|mailto):/i.test(value);

async function fromSkeleton(template: TemplateName, locale: EmailLocale, props: Record<string, unknown>): Promise<{ html: string; text: string } | null> {
  const slots = SLOTS[template];
  if (!slots) return null;
  const shape: Record<string, unknown> = { ...props };
  const values: string[] = [];
  const pattern: (number | null)[] = [];
  for (const name of slots) {
    const value = props[name];
    delete shape[name];
    if (value === undefined) {
      pattern.push(null);
      continue;
    }
    if (typeof value !== 'string' || !plain(value)) return null;
    // Equal values share a marker, so a template comparing two slots sees in the skeleton what it would see.
    let index = values.indexOf(value);
    if (index < 0) index = values.push(value) - 1;
    pattern.push(index);
  }
  // One word or several: the converter treats them differently in places (a link whose text is its address).
  const spaced = values.map((value) => value.includes(' '));
  const key = JSON.stringify([template, locale, pattern, spaced, shape]);
  let skeleton = skeletons.get(key);
  if (!skeleton) {
    if (skeletons.size >= MAX_SKELETONS) skeletons.delete(skeletons.keys().next().value!);
    skeleton = buildSkeleton(template, locale, shape, slots, pattern, spaced).catch(() => null);
    skeletons.set(key, skeleton);
  }
  const built = await skeleton;
  return built && { html: fill(built.html, values, escapeHtml), text: fill(built.text, values, (value) => value) };
}

async function buildSkeleton(
  template: TemplateName,
  locale: EmailLocale,
  shape: Record<string, unknown>,
  slots: readonly string[],
  pattern: (number | null)[],
  spaced: boolean[],
): Promise<Skeleton | null> {
  const distinct = spaced.length;
  const renderWith = (values: string[]) => {
    const props: Record<string, unknown> = { ...shape };
    slots.forEach((name, i) => {
      const index = pattern[i];
      if (index !== null && index !== undefined) props[name] = values[index];
    });
    return renderBody(template, locale, props);
  };
  const markers = Array.from({ length: distinct }, (_, i) => marker(i));
  const first = await renderWith(markers);
  const skeleton = { html: cutHtml(first.html, distinct), text: cutText(first.text, distinct) };
  if (!skeleton.html || !skeleton.text) return null;
  const proofs = [
    spaced.map((space, i) => (space ? `Zoë & <Ünïcode> "n°${i}" l'été ß straße ${'x'.repeat(40 + 7 * i)}` : `Zoë&<Ünïcode>"n°${i}"l'étéßstraße${'x'.repeat(40 + 7 * i)}`)),
    spaced.map((space, i) => (space ? `v ${i}` : `v${i}`)),
  ];
  for (const values of proofs) {
    const full = await renderWith(values);
    if (fill(skeleton.html, values, escapeHtml) !== full.html || fill(skeleton.text, values, (value) => value) !== full.text) return null;
  }
  return skeleton as Skeleton;
}

function split(source: string, distinct: number, upperAllowed: boolean): Part[] | null {
  const parts: Part[] = [];
  let last = 0;
  for (const match of source.matchAll(MARKER)) {
    const index = slotIndex(match[2]!);
    const upper = match[1] === 'Q';
    if (index >= distinct || (upper ? match[2] !== match[2]!.toUpperCase() : match[2] !== match[2]!.toLowerCase())) return null;
    if (upper && !upperAllowed) return null;
    parts.push(source.slice(last, match.index), upper ? { slot: index, upper: true } : { slot: index });
    last = match.index + match[0].length;
  }
  parts.push(source.slice(last));
  // A marker cut in two (text truncated by a template, say) would leave its halves behind.
  return parts.some((part) => typeof part === 'string' && /[\uE000\uE001]/.test(part)) ? null : parts;
}

/** The inverse of `letters` (bijective base 26: a…z, aa…). */
function slotIndex(word: string): number {
  let n = 0;
  for (const c of word.toLowerCase()) n = n * 26 + c.charCodeAt(0) - 96;
  return n - 1;
}

// The preview (see EmailPreview in the layout) is plain text followed by constant padding: its slots are cut
// like any other.
function cutHtml(html: string, distinct: number): Part[] | null {
  return split(html, distinct, false);
}

function cutText(text: string, distinct: number): Part[] | null {
  return split(text, distinct, true);
}

function fill(parts: Part[], values: string[], escape: (value: string) => string): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'string') out += part;
    else {
      const value = values[part.slot]!;
      out += escape(part.upper ? value.toUpperCase() : value);
    }
  }
  return out;
}

// React's escaping of text and attribute values (escapeTextForBrowser).
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;' };
const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
