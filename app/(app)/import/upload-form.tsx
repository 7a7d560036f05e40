'use client';

import { useTranslations } from 'next-intl';
import { useRef, useState, type DragEvent } from 'react';
import { SubmitButton } from '@/components/form/submit-button';

/**
 * Step 1. A plain multipart form posted to the upload route (server actions stop at 1 MB; files go up to 5 MB),
 * so it works without JavaScript too. Dropping a file onto the zone puts it into the same file input.
 */
export function UploadForm() {
  const t = useTranslations('importer.upload');
  const input = useRef<HTMLInputElement>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);

  function onDrop(event: DragEvent<HTMLLabelElement>) {
    event.preventDefault();
    setDragging(false);
    const files = event.dataTransfer.files;
    if (!input.current || files.length === 0) return;
    input.current.files = files;
    setFileName(files[0]?.name ?? null);
  }

  return (
    <form action="/import/upload" method="post" encType="multipart/form-data" className="space-y-3">
      <label
        htmlFor="import-file"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={`flex cursor-pointer flex-col items-center gap-2 rounded-lg border-2 border-dashed p-8 text-center ${dragging ? 'border-brand-600 bg-brand-50' : 'border-slate-300 bg-slate-50'}`}
      >
        <span className="font-medium text-slate-800">{t('file')}</span>
        <span className="text-sm text-slate-700">{t('drop')}</span>
        {fileName ? <span className="text-sm font-medium text-brand-900">{t('chosen', { name: fileName })}</span> : null}
      </label>
      <input
        ref={input}
        id="import-file"
        name="file"
        type="file"
        accept=".csv,.txt,text/csv"
        required
        aria-describedby="import-file-hint"
        onChange={(event) => setFileName(event.target.files?.[0]?.name ?? null)}
        className="block text-sm"
      />
      <p id="import-file-hint" className="text-sm text-slate-600">{t('hint')}</p>
      <SubmitButton>{t('submit')}</SubmitButton>
    </form>
  );
}
