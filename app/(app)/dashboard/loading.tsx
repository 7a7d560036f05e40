// Only here, not for the whole workspace: a loading boundary starts the response before the page runs, so a
// page that answers "not found" (another firm's case) would be sent with status 200 instead of 404.
import { getTranslations } from 'next-intl/server';
import { PageSkeleton } from '@/components/states/page-skeleton';

export default async function DashboardLoading() {
  const t = await getTranslations('ui.states');
  return <PageSkeleton label={t('loading')} />;
}
