import { Skeleton } from '@/components/ui/skeleton';

/**
 * The shape of a page while it streams in: a heading, a toolbar and rows. The region is marked busy and says so
 * once, in words, for screen readers; the grey blocks themselves are hidden from them.
 */
export function PageSkeleton({ label, rows = 6 }: { label: string; rows?: number }) {
  return (
    <div aria-busy="true" className="space-y-6">
      <p role="status" className="sr-only">{label}</p>
      <Skeleton className="h-8 w-64 max-w-full" />
      <div className="flex flex-wrap gap-3">
        <Skeleton className="h-10 w-72 max-w-full" />
        <Skeleton className="h-10 w-32" />
      </div>
      <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        {Array.from({ length: rows }, (_, row) => (
          <div key={row} className="flex items-center gap-4">
            <Skeleton className="h-4 w-1/4" />
            <Skeleton className="h-4 w-1/3" />
            <Skeleton className="hidden h-4 w-1/6 sm:block" />
          </div>
        ))}
      </div>
    </div>
  );
}
