import { getTranslations } from 'next-intl/server';
import { FormMessage } from '@/components/form/form-message';
import type { RowIssue, ValidationReport as Report } from '@/lib/server/import/import-fields';

/** More than this is not read on a screen; the counts above say how many there are. */
const SHOWN_ISSUES = 500;

/** Step 3: what the check found, row by row, with the column as the file names it. */
export async function ValidationReport({ report, headers }: { report: Report; headers: string[] }) {
  const t = await getTranslations('importer');
  const shown = report.issues.slice(0, SHOWN_ISSUES);
  const columnOf = (issue: RowIssue) => {
    if (issue.column !== undefined) return headers[issue.column] || t('columnN', { n: issue.column + 1 });
    return issue.field ? t(`fields.${issue.field}`) : '';
  };
  return (
    <div className="space-y-3">
      <p>{t('report.summary', { rows: report.rowCount, clients: report.clientCount, cases: report.caseCount })}</p>
      {report.errorRows ? <FormMessage tone="error">{t('report.errors', { count: report.errorRows })}</FormMessage> : null}
      {report.warningRows ? <FormMessage tone="info">{t('report.warnings', { count: report.warningRows })}</FormMessage> : null}
      {report.issues.length === 0 ? <FormMessage tone="success">{t('report.clean')}</FormMessage> : null}
      {shown.length ? (
        <div tabIndex={0} role="region" aria-labelledby="report-caption" className="max-h-[32rem] overflow-auto rounded border border-slate-200">
          <table className="min-w-full text-sm">
            <caption id="report-caption" className="p-2 text-left text-slate-600">
              {t('report.caption')}
              {report.issues.length > shown.length ? ` · ${t('report.truncated', { shown: shown.length, total: report.issues.length })}` : ''}
            </caption>
            <thead>
              <tr className="border-b border-slate-200 bg-slate-50 text-left text-slate-700">
                <th scope="col" className="px-2 py-1.5 font-medium">{t('report.row')}</th>
                <th scope="col" className="px-2 py-1.5 font-medium">{t('report.column')}</th>
                <th scope="col" className="px-2 py-1.5 font-medium">{t('report.problem')}</th>
                <th scope="col" className="px-2 py-1.5 font-medium">{t('report.value')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((issue, index) => (
                <tr key={index} className="border-b border-slate-100 align-top last:border-0">
                  <th scope="row" className="px-2 py-1 text-right font-normal tabular-nums">{issue.row}</th>
                  <td className="px-2 py-1">{columnOf(issue)}</td>
                  <td className="px-2 py-1">
                    <span className={`mr-2 rounded px-1.5 py-0.5 text-xs font-medium ${issue.severity === 'error' ? 'bg-red-100 text-red-900' : 'bg-amber-100 text-amber-950'}`}>
                      {t(`report.${issue.severity}`)}
                    </span>
                    {t(`issues.${issue.code}`, issue.params ?? {})}
                  </td>
                  <td className="px-2 py-1">{issue.value ? <code className="break-all">{issue.value}</code> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
