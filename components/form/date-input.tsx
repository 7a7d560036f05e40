import { useLocale } from 'next-intl';
import type { InputHTMLAttributes } from 'react';
import { DATE_INPUT_PLACEHOLDERS, toInputValue, type DateLocale } from '@/lib/format/dates';

// Belgians type dates day first (07/12/2026) in every language, and the browser's own date picker shows
// whatever the operating system's region is (often mm/dd/yyyy on an English laptop). So a date is a text
// field: numeric keyboard on phones, the local placeholder, and the server (ZTypedPlainDate) reads
// 07/12/2026, 7.12.2026, 07-12-2026 and 2026-12-07 alike.

// Day-first with / . or -, or ISO: the browser flags other shapes before sending; impossible days
// (31/02/2026) reach the server, which refuses them with the field's message.
export const DATE_INPUT_PATTERN = '\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[\\/.\\-]\\d{1,2}[\\/.\\-]\\d{4}';

type DateInputAttributes = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'defaultValue' | 'value' | 'children'> & { defaultValue?: string | Date | null; value?: string };

/** The attributes of a date text field for this language; a stored `YYYY-MM-DD` default is shown as 07/12/2026. */
export function dateInputAttributes(locale: string, { defaultValue, ...input }: DateInputAttributes) {
  const l = (['en', 'nl', 'fr', 'de'].includes(locale) ? locale : 'en') as DateLocale;
  return {
    type: 'text',
    inputMode: 'numeric' as const,
    autoComplete: 'off',
    placeholder: DATE_INPUT_PLACEHOLDERS[l],
    pattern: DATE_INPUT_PATTERN,
    title: DATE_INPUT_PLACEHOLDERS[l],
    ...(input.value === undefined ? { defaultValue: toInputValue(l, defaultValue || null) } : {}),
    ...input,
  };
}

/** A date field that accepts dd/mm/yyyy typing in every language (and ISO, for scripts and pasted values). */
export function DateInput(props: DateInputAttributes) {
  return <input {...dateInputAttributes(useLocale(), props)} />;
}
