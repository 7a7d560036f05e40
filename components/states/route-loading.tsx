import { getTranslations } from 'next-intl/server';
import { PageSkeleton } from '@/components/states/page-skeleton';

// A loading boundary starts the response before the page runs, so a page that answers "not found" (another
// firm's case) under it would be sent with status 200 instead of 404. So each list gets its own `loading.tsx`
// that renders this, and lists with pages beneath them (a client, an inquiry) sit in a `(list)` route group
// whose boundary does not cover those pages.
export async function RouteLoading() {
  const t = await getTranslations('ui.states');
  return <PageSkeleton label={t('loading')} />;
}
