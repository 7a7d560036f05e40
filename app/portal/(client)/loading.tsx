import { getTranslations } from 'next-intl/server';
import { PageSkeleton } from '@/components/states/page-skeleton';

export default async function PortalLoading() {
  const t = await getTranslations('ui.states');
  return <PageSkeleton label={t('loading')} rows={3} />;
}
