import type { HTMLAttributes } from 'react';
import { cn } from '@/lib/cn';

/** A grey placeholder in the shape of what is loading; hidden from screen readers, the region says it is busy. */
export function Skeleton({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return <div aria-hidden="true" className={cn('animate-pulse rounded-md bg-slate-200 motion-reduce:animate-none', className)} {...props} />;
}
