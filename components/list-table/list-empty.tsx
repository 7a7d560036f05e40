import type { ReactNode } from 'react';

/** What a list shows when it has no rows: why, and what the reader can do about it. */
export function ListEmpty({ message, hint, action }: { message: string; hint?: string; action?: ReactNode }) {
  return (
    <div role="status" className="rounded-md bg-sky-50 p-3 text-sm text-sky-900">
      <p>{message}</p>
      {hint ? <p className="mt-1 text-sky-800">{hint}</p> : null}
      {action ? <div className="mt-2">{action}</div> : null}
    </div>
  );
}
