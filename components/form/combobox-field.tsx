'use client';

import type { ReactNode } from 'react';
import { Combobox, type ComboboxOption } from '@/components/ui/combobox';

/** A labelled searchable choice whose hint and error are tied to it, as `Field` does for an input. */
export function ComboboxField({ id, label, name, options, defaultValue, hint, error, placeholder, allowEmpty, emptyLabel, className }: {
  id: string;
  label: ReactNode;
  name: string;
  options: ComboboxOption[];
  defaultValue?: string;
  hint?: ReactNode;
  error?: string | null;
  placeholder?: string;
  allowEmpty?: boolean;
  emptyLabel?: string;
  className?: string;
}) {
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={className ?? 'space-y-1'}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">{label}</label>
      <Combobox id={id} name={name} options={options} defaultValue={defaultValue} placeholder={placeholder} allowEmpty={allowEmpty} emptyLabel={emptyLabel} invalid={Boolean(error)} describedBy={described} />
      {hint ? <p id={`${id}-hint`} className="text-sm text-slate-600">{hint}</p> : null}
      {error ? <p id={`${id}-error`} className="text-sm text-red-700">{error}</p> : null}
    </div>
  );
}
