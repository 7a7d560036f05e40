import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDateFormatter } from '@/lib/format/get-date-formatter';
import { checkHealth, type Health } from '@/lib/server/health/check-health';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('status');
  return { title: t('heading') };
}

// A warning is a part that needs someone's attention while the app still serves (see check-health.ts).
type Tone = 'ok' | 'warning' | 'failing' | 'neutral';

const TONES: Record<Tone, string> = {
  ok: 'text-emerald-800',
  warning: 'text-amber-800',
  failing: 'text-red-800',
  neutral: 'text-slate-700',
};

function Row({ label, tone, detail }: { label: string; tone: Tone; detail: string }) {
  return (
    <div className="flex items-center justify-between gap-4 py-3">
      <dt className="font-medium">{label}</dt>
      <dd className={`text-right ${TONES[tone]}`}>{detail}</dd>
    </div>
  );
}

export default async function StatusPage() {
  const t = await getTranslations('status');
  const dates = await getDateFormatter();
  const now = new Date();
  const health = await checkHealth({ now });
  const time = (iso: string) => dates.dateTime(iso, { seconds: true });
  const ago = (seconds: number) => time(new Date(now.getTime() - seconds * 1000).toISOString());
  const { worker, outbox, backup } = health;

  const workerDetail = worker.lastBeatAt ? t(worker.ok ? 'lastBeat' : 'staleBeat', { time: time(worker.lastBeatAt) }) : t('noBeat');
  const outboxDetail =
    outbox.waiting === 0
      ? t('outboxEmpty')
      : !outbox.ok && outbox.oldestDueAgeSeconds !== null
        ? t('outboxStuck', { count: outbox.due, time: ago(outbox.oldestDueAgeSeconds) })
        : t('outboxWaiting', { count: outbox.waiting });
  const backupDetail = !backup.lastRunAt
    ? t('backupNone')
    : t(backup.lastRunOk === false ? 'backupFailed' : backup.ok ? 'backupDone' : 'backupOverdue', { time: time(backup.lastRunAt) });
  const partTone = (part: { ok: boolean }): Tone => (!health.database.ok ? 'failing' : part.ok ? 'ok' : 'warning');

  return (
    <div className="mx-auto max-w-lg space-y-4">
      <h1 className="text-2xl font-semibold">{t('heading')}</h1>
      <p className={TONES[summaryTone(health)]}>{t(!health.ok ? 'summaryDown' : health.warnings.length ? 'summaryWarnings' : 'summaryOk')}</p>
      <dl className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white px-5">
        <Row label={t('database')} tone={health.database.ok ? 'ok' : 'failing'} detail={health.database.ok ? t('ok') : t('failing')} />
        <Row
          label={t('migrations')}
          tone={health.migrations.ok ? 'ok' : 'failing'}
          detail={health.migrations.ok ? t('current') : t('pending', { count: health.migrations.pending.length })}
        />
        <Row label={t('worker')} tone={partTone(worker)} detail={workerDetail} />
        <Row label={t('outbox')} tone={partTone(outbox)} detail={outboxDetail} />
        <Row label={t('backup')} tone={backup.lastRunAt ? partTone(backup) : 'neutral'} detail={backupDetail} />
      </dl>
    </div>
  );
}

function summaryTone(health: Health): Tone {
  if (!health.ok) return 'failing';
  return health.warnings.length ? 'warning' : 'ok';
}
