import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDateFormatter } from '@/lib/format/get-date-formatter';
import { CursorPager } from '@/components/list-table/cursor-pager';
import { ListEmpty } from '@/components/list-table/list-empty';
import { ListTable } from '@/components/list-table/list-table';
import { requireWorkingStaff } from '@/lib/auth/require-working-staff';
import { addDaysPlain, brusselsMidnight } from '@/lib/dates';
import { parseTypedDate } from '@/lib/rules/typed-date';
import { isAppError } from '@/lib/errors';
import { listAuditLog, type AuditLogPage } from '@/lib/server/audit/list-audit-log';
import { AUDIT_ACTION_NAMES, AUDIT_ENTITIES } from '@/lib/server/audit/audit-types';
import { auditColumns } from './audit-columns';
import { DateInput } from '@/components/form/date-input';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auditLog');
  return { title: t('heading') };
}

type Search = { entity?: string; action?: string; q?: string; from?: string; to?: string; cursor?: string };

const PATH = '/settings/audit';

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireWorkingStaff();
  const search = await searchParams;
  const t = await getTranslations('auditLog');
  const dates = await getDateFormatter();
  let page: AuditLogPage | null = null;
  try {
    // The date fields are Brussels calendar days, both inclusive.
    const fromDay = search.from ? parseTypedDate(search.from) : null;
    const toDay = search.to ? parseTypedDate(search.to) : null;
    const from = fromDay ? brusselsMidnight(fromDay) : undefined;
    const to = toDay ? brusselsMidnight(addDaysPlain(toDay, 1)) : undefined;
    page = await listAuditLog({ actor, filters: { entity: search.entity, action: search.action, q: search.q, from, to }, cursor: search.cursor, limit: 50 });
  } catch (error) {
    if (!isAppError(error) || error.code !== 'VALIDATION') throw error;
  }
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('heading')}</h1>
        <p className="mt-1 text-slate-600">{t('intro')}</p>
      </div>
      <form className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm">
        <label className="space-y-1">
          <span className="block font-medium">{t('entity')}</span>
          <select name="entity" defaultValue={search.entity ?? ''} className="rounded-md border border-slate-300 px-2 py-1.5">
            <option value="">{t('any')}</option>
            {AUDIT_ENTITIES.map((entity) => <option key={entity} value={entity}>{entity}</option>)}
          </select>
        </label>
        <label className="space-y-1">
          <span className="block font-medium">{t('action')}</span>
          <select name="action" defaultValue={search.action ?? ''} className="rounded-md border border-slate-300 px-2 py-1.5">
            <option value="">{t('any')}</option>
            {AUDIT_ACTION_NAMES.map((action) => <option key={action} value={action}>{action}</option>)}
          </select>
        </label>
        <label className="space-y-1">
          <span className="block font-medium">{t('actor')}</span>
          <input name="q" defaultValue={search.q ?? ''} className="rounded-md border border-slate-300 px-2 py-1.5" />
        </label>
        <label className="space-y-1">
          <span className="block font-medium">{t('from')}</span>
          <DateInput name="from" defaultValue={search.from ?? ''} className="rounded-md border border-slate-300 px-2 py-1.5" />
        </label>
        <label className="space-y-1">
          <span className="block font-medium">{t('to')}</span>
          <DateInput name="to" defaultValue={search.to ?? ''} className="rounded-md border border-slate-300 px-2 py-1.5" />
        </label>
        <button type="submit" className="rounded-md bg-brand-700 px-3 py-1.5 font-medium text-white">{t('filter')}</button>
      </form>
      <ListTable
        label={t('heading')}
        columns={auditColumns(t, dates)}
        rows={page?.items ?? []}
        rowKey={(item) => item.id}
        empty={<ListEmpty message={t('empty')} />}
      />
      <CursorPager nextCursor={page?.nextCursor ?? null} path={PATH} search={search} labels={{ newest: t('newest'), older: t('older') }} />
    </div>
  );
}
