import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { checkHealth } from '@/lib/server/health/check-health';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('status');
  return { title: t('heading') };
}

function Row({ label, ok, detail }: { label: string; ok: boolean; detail: string }) {
  return (
    <div className="flex items-center justify-between gap-4 py-3">
      <dt className="font-medium">{label}</dt>
      <dd className={ok ? 'text-emerald-800' : 'text-red-800'}>{detail}</dd>
    </div>
  );
}

export default async function StatusPage() {
  const t = await getTranslations('status');
  const format = await getFormatter();
  const health = await checkHealth();
  const beat = health.worker.lastBeatAt;
  return (
    <div className="mx-auto max-w-lg space-y-4">
      <h1 className="text-2xl font-semibold">{t('heading')}</h1>
      <dl className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white px-5">
        <Row label={t('database')} ok={health.database.ok} detail={health.database.ok ? t('ok') : t('failing')} />
        <Row
          label={t('migrations')}
          ok={health.migrations.ok}
          detail={health.migrations.ok ? t('current') : t('pending', { count: health.migrations.pending.length })}
        />
        <Row
          label={t('worker')}
          ok={beat !== null}
          detail={beat ? t('lastBeat', { time: format.dateTime(new Date(beat), { dateStyle: 'medium', timeStyle: 'medium' }) }) : t('noBeat')}
        />
      </dl>
    </div>
  );
}
