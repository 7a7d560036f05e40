import type { InputHTMLAttributes, ReactNode } from 'react';

export const inputClass = 'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base';

type FieldProps = { id: string; name: string; required?: boolean; 'aria-invalid'?: boolean; 'aria-describedby'?: string };

/** A labelled field of the public form with its hint and its error, tied to it for screen readers. */
export function IntakeField({ label, name, hint, error, children, ...input }: Omit<InputHTMLAttributes<HTMLInputElement>, 'children'> & {
  label: string;
  name: string;
  hint?: string;
  error?: string;
  children?: (props: FieldProps) => ReactNode;
}) {
  const id = `intake-${name}`;
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const props: FieldProps = { id, name, required: input.required, 'aria-invalid': error ? true : undefined, 'aria-describedby': described };
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
        {input.required ? <span aria-hidden="true" className="text-red-700"> *</span> : null}
      </label>
      {children ? children(props) : <input {...input} {...props} className={inputClass} />}
      {hint ? <p id={`${id}-hint`} className="text-sm text-slate-600">{hint}</p> : null}
      {error ? <p id={`${id}-error`} className="text-sm text-red-700">{error}</p> : null}
    </div>
  );
}
