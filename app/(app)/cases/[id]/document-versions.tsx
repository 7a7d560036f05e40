import { getTranslations } from 'next-intl/server';
import { getDateFormatter } from '@/lib/format/get-date-formatter';
import { PREVIEWABLE } from '@/lib/server/document/upload-rules';
import type { CaseDocuments } from '@/lib/server/document/list-case-documents';

type Version = NonNullable<CaseDocuments['items'][number]['document']>['versions'][number];

const size = (bytes: number) => (bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} kB`);

/** Every version of a document, newest first: an upload never replaces the file it follows. */
export async function DocumentVersions({ versions }: { versions: Version[] }) {
  const t = await getTranslations('documents');
  const dates = await getDateFormatter();
  return (
    <ul className="space-y-1 text-sm">
      {versions.map((version, index) => (
        <li key={version.id} className={index > 0 ? 'text-slate-600' : ''}>
          <a href={`/api/documents/versions/${version.id}`} className="font-medium text-brand-700 hover:underline">{version.fileName}</a>
          {PREVIEWABLE.has(version.mimeType) ? (
            <> · <a href={`/api/documents/versions/${version.id}?inline=1`} target="_blank" rel="noopener" className="text-brand-700 underline underline-offset-2">{t('preview')}</a></>
          ) : null}
          <span className="text-xs text-slate-600">
            {' '}· v{version.version} · {size(version.sizeBytes)} · {dates.dateTimeShort(version.uploadedAt)} · {version.fromClient ? t('fromClient') : (version.uploadedBy?.name ?? version.uploadedBy?.email ?? '')}
          </span>
          {version.duplicateOf ? <p className="text-xs text-amber-800">{t('duplicateOf', { title: version.duplicateOf.document.title, fileName: version.duplicateOf.fileName })}</p> : null}
        </li>
      ))}
    </ul>
  );
}
