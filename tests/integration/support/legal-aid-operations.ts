import { expect } from 'vitest';
import { getDb } from '@/lib/db';
import { addLegalAidEntry } from '@/lib/server/legal-aid/add-legal-aid-entry';
import { closeLegalAid } from '@/lib/server/legal-aid/close-legal-aid';
import { exportLegalAidReportCsv } from '@/lib/server/legal-aid/export-legal-aid-report-csv';
import { getCaseLegalAid } from '@/lib/server/legal-aid/get-case-legal-aid';
import { getLegalAidReport } from '@/lib/server/legal-aid/get-legal-aid-report';
import { legalAidReportPdf } from '@/lib/server/legal-aid/legal-aid-report-pdf';
import { removeLegalAidEntry } from '@/lib/server/legal-aid/remove-legal-aid-entry';
import { setLegalAidDesignation } from '@/lib/server/legal-aid/set-legal-aid-designation';
import { yearlyLegalAidOverview } from '@/lib/server/legal-aid/yearly-legal-aid-overview';
import { newContext } from './fixtures';
import { walkActor, type WalkOperation, type WalkWorld } from './walk-types';

// Legal aid (pro deo) of a case: rows of the OPERATIONS table in permissions.test.ts, which spreads them in.

const db = getDb();
const auditActions = async (w: WalkWorld) => (await db.auditLog.findMany({ where: { firmId: w.firm.id }, orderBy: { id: 'asc' } })).map((row) => row.action);

/** The world's case designated on the advisor, with one service on the 2024 list (4 points). */
async function designated(w: WalkWorld) {
  const designation = await db.legalAidDesignation.create({
    data: { firmId: w.firm.id, caseId: w.kase.id, designatedOn: new Date('2026-03-02T00:00:00Z'), designationNumber: 'BJB-2026-0042', bar: 'Brussel (NL)', lawyerId: w.advisor.user.id },
  });
  const entry = await db.legalAidEntry.create({
    data: { firmId: w.firm.id, caseId: w.kase.id, designationId: designation.id, performedOn: new Date('2026-03-03T00:00:00Z'), pointListId: '2024', itemCode: 'OPENING', pointsHundredths: 400, enteredById: w.advisor.user.id },
  });
  w.refs.designation = designation.id;
  w.refs.entry = entry.id;
}

export const LEGAL_AID_OPERATIONS: WalkOperation[] = [
  {
    name: 'setLegalAidDesignation',
    file: 'lib/server/legal-aid/set-legal-aid-designation.ts',
    action: 'legal_aid.manage',
    run: (w, role) => setLegalAidDesignation({ actor: walkActor(w, role), input: { caseId: w.kase.id, designatedOn: '2026-03-02', designationNumber: 'BJB-7', bar: 'Antwerpen', lawyerId: w.advisor.user.id, clientContributionCents: '25,50' }, context: newContext() }),
    allowed: async (w) => {
      expect(await db.legalAidDesignation.findMany({ where: { firmId: w.firm.id }, select: { caseId: true, designationNumber: true, bar: true, lawyerId: true, clientContributionCents: true } }))
        .toEqual([{ caseId: w.kase.id, designationNumber: 'BJB-7', bar: 'Antwerpen', lawyerId: w.advisor.user.id, clientContributionCents: 2550 }]);
      expect(await auditActions(w)).toEqual(['client.created', 'legal_aid.designation_set']);
    },
  },
  {
    name: 'addLegalAidEntry',
    file: 'lib/server/legal-aid/add-legal-aid-entry.ts',
    action: 'legal_aid.manage',
    setup: designated,
    run: (w, role) => addLegalAidEntry({ actor: walkActor(w, role), input: { caseId: w.kase.id, performedOn: '2026-03-10', itemCode: 'RVV_SUSPENSION', quantity: '1' }, context: newContext() }),
    allowed: async (w, _role, result) => {
      expect(result).toMatchObject({ pointListId: '2024', pointsHundredths: 1500 });
      expect(await db.legalAidEntry.count({ where: { firmId: w.firm.id, deletedAt: null } })).toBe(2);
      expect(await auditActions(w)).toEqual(['client.created', 'legal_aid.entry_added']);
    },
  },
  {
    name: 'removeLegalAidEntry',
    file: 'lib/server/legal-aid/remove-legal-aid-entry.ts',
    action: 'legal_aid.delete',
    setup: designated,
    run: (w, role) => removeLegalAidEntry({ actor: walkActor(w, role), input: { entryId: w.refs.entry }, context: newContext() }),
    allowed: async (w) => {
      expect(await db.legalAidEntry.findUniqueOrThrow({ where: { id: w.refs.entry } })).toMatchObject({ deletedAt: expect.any(Date) });
      expect(await auditActions(w)).toEqual(['client.created', 'legal_aid.entry_removed']);
    },
  },
  {
    name: 'getCaseLegalAid',
    file: 'lib/server/legal-aid/get-case-legal-aid.ts',
    action: 'legal_aid.manage',
    setup: designated,
    run: (w, role) => getCaseLegalAid({ actor: walkActor(w, role), caseId: w.kase.id, locale: 'en' }),
    allowed: async (w, _role, result) => {
      const { report, lawyers } = result as Awaited<ReturnType<typeof getCaseLegalAid>>;
      expect(report?.totalHundredths).toBe(400);
      expect(lawyers.map((lawyer) => lawyer.id).sort()).toEqual([w.admin.user.id, w.advisor.user.id].sort());
    },
  },
  {
    name: 'closeLegalAid',
    file: 'lib/server/legal-aid/close-legal-aid.ts',
    action: 'legal_aid.report',
    setup: designated,
    run: (w, role) => closeLegalAid({ actor: walkActor(w, role), input: { caseId: w.kase.id, closedOn: '2026-06-30' }, context: newContext() }),
    allowed: async (w) => {
      expect(await db.legalAidDesignation.findUniqueOrThrow({ where: { id: w.refs.designation } })).toMatchObject({ closedOn: new Date('2026-06-30T00:00:00Z') });
      expect(await auditActions(w)).toEqual(['client.created', 'legal_aid.closed']);
    },
  },
  {
    name: 'getLegalAidReport',
    file: 'lib/server/legal-aid/get-legal-aid-report.ts',
    action: 'legal_aid.report',
    setup: designated,
    run: (w, role) => getLegalAidReport({ actor: walkActor(w, role), input: { caseId: w.kase.id } }),
    allowed: async (_w, _role, result) => {
      const report = result as Awaited<ReturnType<typeof getLegalAidReport>>;
      expect(report.groups.map((group) => [group.pointListId, group.subtotalHundredths])).toEqual([['2024', 400]]);
      expect(report.totalHundredths).toBe(400);
    },
  },
  {
    name: 'exportLegalAidReportCsv',
    file: 'lib/server/legal-aid/export-legal-aid-report-csv.ts',
    action: 'legal_aid.report',
    setup: designated,
    run: (w, role) => exportLegalAidReportCsv({ actor: walkActor(w, role), input: { caseId: w.kase.id }, context: newContext() }),
    allowed: async (w, _role, result) => {
      expect((result as { body: string }).body).toContain('BJB-2026-0042;Brussel (NL)');
      expect(await auditActions(w)).toEqual(['client.created', 'legal_aid.report_downloaded']);
    },
  },
  {
    name: 'legalAidReportPdf',
    file: 'lib/server/legal-aid/legal-aid-report-pdf.ts',
    action: 'legal_aid.report',
    setup: designated,
    run: (w, role) => legalAidReportPdf({ actor: walkActor(w, role), input: { caseId: w.kase.id }, context: newContext() }),
    allowed: async (w, _role, result) => {
      expect(Buffer.from((result as { bytes: Uint8Array }).bytes.slice(0, 5)).toString('latin1')).toBe('%PDF-');
      expect(await auditActions(w)).toEqual(['client.created', 'legal_aid.report_downloaded']);
    },
  },
  {
    name: 'yearlyLegalAidOverview',
    file: 'lib/server/legal-aid/yearly-legal-aid-overview.ts',
    action: 'legal_aid.report',
    setup: designated,
    run: (w, role) => yearlyLegalAidOverview({ actor: walkActor(w, role), input: { year: '2026' } }),
    allowed: async (w, role, result) => {
      const { rows } = result as Awaited<ReturnType<typeof yearlyLegalAidOverview>>;
      const advisorRow = { lawyerId: w.advisor.user.id, designated: 1, closed: 0, closedPointsHundredths: 0, performedPointsHundredths: 400 };
      expect(rows.find((row) => row.lawyerId === w.advisor.user.id)).toMatchObject(advisorRow);
      expect(rows.map((row) => row.lawyerId).sort()).toEqual(role === 'ADMIN' ? [w.admin.user.id, w.advisor.user.id].sort() : [w.advisor.user.id]);
    },
  },
];
