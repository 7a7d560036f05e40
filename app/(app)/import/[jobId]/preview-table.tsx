import { getTranslations } from 'next-intl/server';
import { PREVIEW_ROWS, type ImportSource } from '@/lib/server/import/import-fields';

/** The first rows exactly as read from the file, numbered as the spreadsheet numbers them. */
export async function PreviewTable({ source }: { source: ImportSource }) {
  const t = await getTranslations('importer');
  const rows = source.rows.slice(0, PREVIEW_ROWS);
  return (
    // Focusable, so a keyboard can scroll a file wider than the screen.
    <div tabIndex={0} role="region" aria-labelledby="preview-caption" className="overflow-x-auto rounded border border-slate-200">
      <table className="min-w-full text-sm">
        <caption id="preview-caption" className="p-2 text-left text-slate-600">
          {t('preview.caption', { shown: rows.length, total: source.rows.length })}
        </caption>
        <thead>
          <tr className="border-b border-slate-200 bg-slate-50 text-left text-slate-700">
            <th scope="col" className="px-2 py-1.5 font-medium">{t('preview.row')}</th>
            {source.headers.map((header, index) => (
              <th key={index} scope="col" className="whitespace-nowrap px-2 py-1.5 font-medium">
                {header || t('columnN', { n: index + 1 })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index} className="border-b border-slate-100 last:border-0">
              <th scope="row" className="px-2 py-1 text-right font-normal tabular-nums text-slate-600">{index + 2}</th>
              {source.headers.map((_, column) => (
                <td key={column} className="whitespace-nowrap px-2 py-1">{row[column] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
