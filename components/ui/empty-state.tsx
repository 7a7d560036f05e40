import type { LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { cn } from '@/lib/cn';

/**
 * What a list or panel shows when it has nothing: an icon, why it is empty, and what the reader can do about it.
 * `role="status"` so the reason is announced after a filter empties a list.
 */
export function EmptyState({ icon: Icon, title, text, action, className, compact = false }: {
  icon?: LucideIcon;
  title: string;
  text?: ReactNode;
  action?: ReactNode;
  className?: string;
  /** a single line inside a small panel rather than a centred block */
  compact?: boolean;
}) {
  return (
    <div
      role="status"
      className={cn(
        'rounded-lg border border-dashed border-slate-300 bg-white text-sm text-slate-700',
        compact ? 'flex items-start gap-3 p-3' : 'flex flex-col items-center gap-2 px-4 py-8 text-center',
        className,
      )}
    >
      {Icon ? (
        <span className={cn('flex items-center justify-center rounded-full bg-slate-100 text-slate-500', compact ? 'size-8' : 'size-10')}>
          <Icon aria-hidden="true" className={compact ? 'size-4' : 'size-5'} />
        </span>
      ) : null}
      <div className={cn('space-y-1', compact ? '' : 'max-w-prose')}>
        <p className="font-medium text-slate-900">{title}</p>
        {text ? <div className="text-slate-600">{text}</div> : null}
        {action ? <div className={cn('pt-1', compact ? '' : 'flex justify-center')}>{action}</div> : null}
      </div>
    </div>
  );
}
