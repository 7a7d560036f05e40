import { useLocale } from 'next-intl';
import type { ComponentProps } from 'react';
import { dateInputAttributes } from './date-input';
import { Field } from './field';

type DateFieldProps = Omit<ComponentProps<typeof Field>, 'type' | 'defaultValue' | 'value'> & { defaultValue?: string | Date | null; value?: string };

/** A labelled date field (components/form/field) that takes dd/mm/yyyy typing; see date-input.tsx. */
export function DateField({ label, name, error, hint, id, ...input }: DateFieldProps) {
  return <Field label={label} name={name} error={error} hint={hint} id={id} {...dateInputAttributes(useLocale(), input)} />;
}
