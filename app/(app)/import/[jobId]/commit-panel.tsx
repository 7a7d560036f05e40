'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useState, useTransition } from 'react';
import { FormMessage } from '@/components/form/form-message';
import { commitImportAction } from './actions';

type Progress = { status: string; processedRows: number; totalRows: number };
type Props = Progress & { jobId: string; clients: number; cases: number };

const POLL_MS = 1000;
const FINISHED = new Set(['COMMITTED', 'FAILED']);

/**
 * Step 4: the button that starts the commit and the bar that follows it. The commit action runs until the last
 * row is written; meanwhile the bar polls the progress route every second. Reloading the page during a commit
 * shows the bar again and keeps polling.
 */
export function CommitPanel({ jobId, clients, cases, ...initial }: Props) {
  const t = useTranslations('importer');
  const te = useTranslations('errors');
  const router = useRouter();
  const [progress, setProgress] = useState<Progress>(initial);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const running = progress.status === 'COMMITTING';

  useEffect(() => {
    if (!running) return;
    let active = true;
    const timer = setInterval(async () => {
      const response = await fetch(`/import/${jobId}/progress`, { cache: 'no-store' }).catch(() => null);
      if (!active || !response?.ok) return;
      const next = (await response.json()) as Progress;
      if (!active) return;
      setProgress(next);
      // Someone else's commit (another tab, a colleague) finished: show its result.
      if (FINISHED.has(next.status) && !pending) router.refresh();
    }, POLL_MS);
    return () => {
      active = false;
      clearInterval(timer);
    };
  }, [running, jobId, pending, router]);

  function start() {
    setError(null);
    setProgress((current) => ({ ...current, status: 'COMMITTING', processedRows: 0 }));
    startTransition(async () => {
      const result = await commitImportAction(jobId);
      if (!result.ok) {
        setError(result.userMessage.startsWith('importer.') ? t(result.userMessage.slice('importer.'.length)) : te(result.code));
        setProgress((current) => ({ ...current, status: 'VALIDATED' }));
        return;
      }
      setProgress((current) => (result.data.status === 'COMMITTED' ? { ...current, status: 'COMMITTED', processedRows: current.totalRows } : { ...current, status: result.data.status }));
    });
  }

  const total = Math.max(progress.totalRows, 1);
  const percent = Math.min(100, Math.round((progress.processedRows / total) * 100));
  const label = t('commit.progress', { processed: progress.processedRows, total: progress.totalRows, percent });
  return (
    <div className="space-y-3">
      {error ? <FormMessage tone="error">{error}</FormMessage> : null}
      {progress.status === 'VALIDATED' ? (
        <button type="button" onClick={start} disabled={pending} className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-900 disabled:opacity-60">
          {t('commit.submit', { clients, cases })}
        </button>
      ) : null}
      {progress.status === 'COMMITTING' || progress.status === 'COMMITTED' ? (
        <div className="space-y-1">
          <div
            role="progressbar"
            aria-label={t('commit.progressLabel')}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            aria-valuetext={label}
            className="h-3 w-full overflow-hidden rounded-full bg-slate-200"
          >
            <div className="h-3 rounded-full bg-brand-700 transition-[width]" style={{ width: `${percent}%` }} />
          </div>
          <p className="text-sm tabular-nums text-slate-700">{label}</p>
        </div>
      ) : null}
    </div>
  );
}
