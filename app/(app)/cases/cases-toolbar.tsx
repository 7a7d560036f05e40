import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PAGE_SIZES, type CasesQuery } from '@/lib/server/case/cases-query';
import { ColumnsChooser } from './columns-chooser';
import { CopyLinkButton } from './copy-link-button';
import { casesHref, DEFAULT_COLUMNS, TABLE_COLUMNS, viewParams, type TableColumn } from './table-view';

/** Column choice, page size, the view's link and the export: everything about the view that is not a filter. */
export async function CasesToolbar({ query, columns, total, canExport }: { query: CasesQuery; columns: TableColumn[]; total: number; canExport: boolean }) {
  const t = await getTranslations('casesTable');
  const kept = [...viewParams(query, columns).entries()].filter(([name]) => name !== 'cols');
  return (
    <div className="flex flex-wrap items-center gap-x-5 gap-y-3 text-sm">
      <ColumnsChooser label={t('view.columns')}>
        {kept.map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <input type="hidden" name="cols" value="reference" />
        <fieldset className="space-y-1">
          <legend className="text-xs text-slate-600">{t('view.columnsHint')}</legend>
          {TABLE_COLUMNS.filter((column) => column !== 'reference').map((column) => (
            <label key={column} className="flex items-center gap-2">
              <input type="checkbox" name="cols" value={column} defaultChecked={columns.includes(column)} />
              {t(`columns.${column}`)}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="rounded-md bg-brand-700 px-3 py-1.5 font-medium text-white hover:bg-brand-900">
          {t('view.showColumns')}
        </button>
      </ColumnsChooser>
      <div role="group" aria-labelledby="cases-page-size" className="flex items-center gap-2">
        <span id="cases-page-size" className="text-slate-700">
          {t('view.pageSize')}
        </span>
        {PAGE_SIZES.map((size) =>
          size === query.pageSize ? (
            <span key={size} aria-current="true" className="rounded-md bg-slate-200 px-2 py-1 font-semibold">
              {size}
            </span>
          ) : (
            <Link key={size} href={casesHref(query, columns, { pageSize: size, page: 1 })} prefetch={false} className="rounded-md px-2 py-1 text-brand-700 underline">
              {size}
            </Link>
          ),
        )}
      </div>
      <CopyLinkButton href={casesHref(query, columns)} label={t('view.copyLink')} copied={t('view.linkCopied')} failed={t('view.copyFailed')} />
      {canExport ? (
        // The export takes the filter and the sort; paging and columns do not apply to a file.
        <a
          href={casesHref(query, DEFAULT_COLUMNS, { page: 1, pageSize: PAGE_SIZES[0] }, '/cases/export')}
          download
          title={t('view.exportHint', { total })}
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-800 hover:bg-slate-100"
        >
          {t('view.export')}
        </a>
      ) : null}
    </div>
  );
}
