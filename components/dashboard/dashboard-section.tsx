import type { ReactNode } from 'react';

/** A titled card; the heading names the region, so screen-reader users can jump between sections. */
export function DashboardSection({ id, title, intro, aside, children }: { id: string; title: ReactNode; intro?: ReactNode; aside?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`${id}-heading`} className="text-lg font-semibold">
          {title}
        </h2>
        {aside}
      </div>
      {intro ? <p className="mb-4 text-sm text-slate-600">{intro}</p> : null}
      {children}
    </section>
  );
}
