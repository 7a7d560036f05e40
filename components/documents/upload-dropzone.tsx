'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useId, useRef, useState } from 'react';

type Upload = { key: string; name: string; progress: number; state: 'sending' | 'done' | 'failed'; message?: string };
type Answer = { ok: true; data: { fileName: string; duplicateOf: { title: string; fileName: string } | null } } | { ok: false; code: string; userMessage: string; message?: string };

export const ACCEPT = '.pdf,.jpg,.jpeg,.png,.heic,.heif,.webp,.docx,.odt,application/pdf,image/jpeg,image/png,image/heic,image/heif,image/webp,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text';

/**
 * Drop files or pick them; each goes up in its own request so each has its own progress bar and its own
 * answer (one refused photo does not sink the other four). The server judges the type from the bytes; the
 * size is checked here first only to spare a long wait on a file that would be refused anyway.
 */
export function UploadDropzone({ target, maxBytes, label, compact = false, endpoint = '/api/documents/upload', multiple = true, accept = ACCEPT, hint }: {
  target: Record<string, string>; maxBytes: number; label: string; compact?: boolean;
  /** The decision intake posts to its own route, which reads the letter before storing it. */
  endpoint?: string; multiple?: boolean; accept?: string; hint?: string;
}) {
  const t = useTranslations();
  const router = useRouter();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [over, setOver] = useState(false);
  const patch = (key: string, change: Partial<Upload>) => setUploads((all) => all.map((u) => (u.key === key ? { ...u, ...change } : u)));
  const explain = (answer: { code: string; userMessage: string; message?: string }) => answer.message ?? (t.has(answer.userMessage) ? t(answer.userMessage, { megabytes: Math.floor(maxBytes / 1048576) }) : t(`errors.${answer.code}`));

  function send(file: File): Promise<void> {
    const key = `${file.name}-${file.size}-${Math.random()}`;
    setUploads((all) => [...all, { key, name: file.name, progress: 0, state: 'sending' }]);
    if (file.size > maxBytes) {
      patch(key, { state: 'failed', message: t('documents.upload.tooLarge', { megabytes: Math.floor(maxBytes / 1048576) }) });
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const request = new XMLHttpRequest();
      request.open('POST', `${endpoint}?${new URLSearchParams(target)}`);
      request.setRequestHeader('Content-Type', 'application/octet-stream');
      request.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
      request.upload.onprogress = (event) => event.lengthComputable && patch(key, { progress: Math.round((event.loaded / event.total) * 100) });
      request.onload = () => {
        let answer: Answer | null = null;
        try {
          answer = JSON.parse(request.responseText) as Answer;
        } catch {
          answer = null;
        }
        if (answer?.ok) {
          const duplicate = answer.data.duplicateOf;
          patch(key, { state: 'done', progress: 100, message: duplicate ? t('documents.upload.duplicate', { title: duplicate.title }) : t('documents.upload.done') });
        } else patch(key, { state: 'failed', message: answer ? explain(answer) : t('errors.INTERNAL') });
        resolve();
      };
      request.onerror = () => {
        patch(key, { state: 'failed', message: t('documents.upload.incomplete') });
        resolve();
      };
      request.send(file);
    });
  }

  async function sendAll(files: FileList | null) {
    if (!files?.length) return;
    await Promise.all([...files].map(send));
    if (input.current) input.current.value = '';
    router.refresh();
  }

  return (
    <div className="space-y-2">
      <div
        onDragOver={(event) => { event.preventDefault(); setOver(true); }}
        onDragLeave={() => setOver(false)}
        onDrop={(event) => { event.preventDefault(); setOver(false); void sendAll(event.dataTransfer.files); }}
        className={`rounded-md border-dashed text-sm ${compact ? 'border px-2 py-1' : 'border-2 p-3 text-center'} ${over ? 'border-brand-700 bg-brand-50' : 'border-slate-300'}`}
      >
        <label htmlFor={inputId} className="cursor-pointer font-medium text-brand-700 underline">{label}</label>
        <span className="text-slate-600"> {t('documents.upload.orDrop')}</span>
        <input ref={input} id={inputId} type="file" multiple={multiple} accept={accept} className="sr-only" onChange={(event) => void sendAll(event.target.files)} />
        {compact ? null : <p className="mt-1 text-xs text-slate-600">{hint ?? t('documents.upload.hint', { megabytes: Math.floor(maxBytes / 1048576) })}</p>}
      </div>
      {uploads.length ? (
        <ul className="space-y-1 text-sm" aria-live="polite">
          {uploads.map((upload) => (
            <li key={upload.key} className={upload.state === 'failed' ? 'text-red-800' : 'text-slate-800'}>
              <span className="font-medium">{upload.name}</span>
              {upload.state === 'sending' ? <progress className="ml-2 align-middle" max={100} value={upload.progress} aria-label={t('documents.upload.progress', { name: upload.name })} /> : null}
              {upload.message ? <span role={upload.state === 'failed' ? 'alert' : 'status'}> · {upload.message}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
