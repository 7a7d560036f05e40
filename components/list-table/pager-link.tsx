import Link from 'next/link';

const linkClass = 'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-brand-700 hover:bg-slate-100';
const offClass = 'rounded-md border border-slate-200 px-3 py-1.5 text-slate-500';

/** One step of a pager: a link, or the same label greyed out where there is nowhere to go. */
export function PagerLink({ href, label, rel }: { href: string | null; label: string; rel?: 'prev' | 'next' }) {
  return href ? (
    <Link href={href} rel={rel} prefetch={false} className={linkClass}>
      {label}
    </Link>
  ) : (
    <span aria-disabled="true" className={offClass}>
      {label}
    </span>
  );
}
