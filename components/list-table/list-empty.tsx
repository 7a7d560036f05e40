import { Inbox, type LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { EmptyState } from '@/components/ui/empty-state';

/** What a list shows when it has no rows: why, and what the reader can do about it. */
export function ListEmpty({ message, hint, action, icon = Inbox }: { message: string; hint?: string; action?: ReactNode; icon?: LucideIcon }) {
  return <EmptyState icon={icon} title={message} text={hint} action={action} />;
}
