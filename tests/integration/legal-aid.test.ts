import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { createCase, createClient, createFirmWithStaff, expectAppError, newContext, writeCounts } from './support/fixtures';
import { setupTestDatabase } from './support/test-database';

// Legal aid (pro deo) per case: the BJB/BAJ's designation, services valued by the point list in force on the day
// they were performed (two lists either side of 2024-09-01), the closing report and its CSV, the yearly overview.

await setupTestDatabase();
const { getDb } = await import('@/lib/db');
const { closeRateLimits } = await import('@/lib/auth/rate-limit');
const { setLegalAidDesignation } = await import('@/lib/server/legal-aid/set-legal-aid-designation');
const { addLegalAidEntry } = await import('@/lib/server/legal-aid/add-legal-aid-entry');
const { removeLegalAidEntry } = await import('@/lib/server/legal-aid/remove-legal-aid-entry');
const { closeLegalAid } = await import('@/lib/server/legal-aid/close-legal-aid');
const { getLegalAidReport } = await import('@/lib/server/legal-aid/get-legal-aid-report');
const { exportLegalAidReportCsv } = await import('@/lib/server/legal-aid/export-legal-aid-report-csv');
const { legalAidReportPdf } = await import('@/lib/server/legal-aid/legal-aid-report-pdf');
const { yearlyLegalAidOverview } = await import('@/lib/server/legal-aid/yearly-legal-aid-overview');

const db = getDb();
afterAll(() => closeRateLimits());

async function world(label: string) {
  const w = await createFirmWithStaff(label);
  const { client } = await createClient(w.firm, { firstName: '=HYPERLINK("x")' });
  return { ...w, client, kase: await createCase(w.firm, client) };
}
type World = Awaited<ReturnType<typeof world>>;

const designate = (w: World, caseId: string, lawyerId: string, designatedOn = '2024-08-01') =>
  setLegalAidDesignation({ actor: w.advisor.actor, input: { caseId, designatedOn, designationNumber: 'BJB-2024-0815', bar: 'Brussel (NL)', lawyerId, clientContributionCents: '50' }, context: newContext() });
const enter = (w: World, caseId: string, performedOn: string, itemCode: string, quantity = 1, actor = w.assistant.actor) =>
  addLegalAidEntry({ actor, input: { caseId, performedOn, itemCode, quantity: String(quantity) }, context: newContext() });

/** Four services either side of the boundary day: 3 + 12 points on the 2016 list, 4 + 2 × 0.5 on the 2024 list. */
async function acrossTheBoundary(w: World, caseId: string) {
  await enter(w, caseId, '2024-08-20', 'OPENING');
  await enter(w, caseId, '2024-08-31', 'RVV_SUSPENSION');
  await enter(w, caseId, '2024-09-01', 'RVV_HEARING');
  await enter(w, caseId, '2024-09-15', 'TRAVEL', 2);
}

describe('a legal-aid case', () => {
  it('gathers points across two point-list versions and its closing report and CSV total them per list and overall', async () => {
    const w = await world('Legal aid');
    await db.user.update({ where: { id: w.advisor.user.id }, data: { locale: 'nl' } });
    await designate(w, w.kase.id, w.advisor.user.id);
    expect(await db.legalAidDesignation.findFirstOrThrow({ where: { caseId: w.kase.id } })).toMatchObject({ clientContributionCents: 5000, lawyerId: w.advisor.user.id, closedOn: null });
    await acrossTheBoundary(w, w.kase.id);
    const stored = await db.legalAidEntry.findMany({ where: { caseId: w.kase.id }, orderBy: { performedOn: 'asc' }, select: { pointListId: true, itemCode: true, pointsHundredths: true } });
    expect(stored.map((e) => [e.pointListId, e.itemCode, e.pointsHundredths])).toEqual([['2016', 'OPENING', 300], ['2016', 'RVV_SUSPENSION', 1200], ['2024', 'RVV_HEARING', 400], ['2024', 'TRAVEL', 100]]);

    await closeLegalAid({ actor: w.advisor.actor, input: { caseId: w.kase.id, closedOn: '2024-10-01' }, context: newContext() });
    const report = await getLegalAidReport({ actor: w.advisor.actor, input: { caseId: w.kase.id } });
    expect(report.locale).toBe('nl');
    expect(report.designation).toMatchObject({ designationNumber: 'BJB-2024-0815', bar: 'Brussel (NL)', closedOn: '2024-10-01', clientContributionCents: 5000 });
    expect(report.groups.map((g) => [g.pointListId, g.entries.map((e) => e.itemCode), g.subtotalHundredths])).toEqual([['2016', ['OPENING', 'RVV_SUSPENSION'], 1500], ['2024', ['RVV_HEARING', 'TRAVEL'], 500]]);
    expect(report.totalHundredths).toBe(2000);
    expect(report.groups[0]!.entries[1]!.label).toBe('Beroep bij de RvV: annulatie en schorsing');

    const { fileName, body } = await exportLegalAidReportCsv({ actor: w.advisor.actor, input: { caseId: w.kase.id }, context: newContext() });
    expect(fileName).toBe(`legal-aid-${w.kase.reference}.csv`);
    const lines = body.replace(/^\uFEFF/, '').trimEnd().split('\r\n').map((line) => line.split(';'));
    expect(lines[0]).toEqual(['Aanstellingsnummer', 'Balie', 'Cliënt', 'Datum', 'Code', 'Prestatie', 'Aantal', 'Punten', 'Puntenlijst']);
    // The client's name stays text in a spreadsheet (formula escaping, as the cases export).
    expect(lines[1]![2]).toMatch(/^"?'=HYPERLINK/);
    const points = (row: string[]) => [row[4], row[6], row.at(-2), row.at(-1)];
    expect(lines.slice(1).map(points)).toEqual([
      ['OPENING', '1', '3', '2016'], ['RVV_SUSPENSION', '1', '12', '2016'], ['', '', '15', '2016'],
      ['RVV_HEARING', '1', '4', '2024'], ['TRAVEL', '2', '1', '2024'], ['', '', '5', '2024'],
      ['', '', '20', ''],
    ]);
    expect(lines.at(-1)![5]).toBe('Totaal');

    const pdf = await legalAidReportPdf({ actor: w.advisor.actor, input: { caseId: w.kase.id }, context: newContext() });
    const doc = await PDFDocument.load(pdf.bytes);
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getTitle()).toBe(`Eindverslag juridische tweedelijnsbijstand - ${w.kase.reference}`);
    const audit = await db.auditLog.findMany({ where: { firmId: w.firm.id, entity: 'legal_aid' }, orderBy: { id: 'asc' }, select: { action: true } });
    expect(audit.map((row) => row.action)).toEqual(['legal_aid.designation_set', ...Array(4).fill('legal_aid.entry_added'), 'legal_aid.closed', 'legal_aid.report_downloaded', 'legal_aid.report_downloaded']);

    // Closed is closed: the total the office received cannot change under it.
    const counts = await writeCounts();
    expect((await expectAppError(enter(w, w.kase.id, '2024-09-20', 'TRAVEL'), 'CONFLICT')).userMessage).toBe('legalAid.errors.closed');
    const entry = await db.legalAidEntry.findFirstOrThrow({ where: { caseId: w.kase.id } });
    await expectAppError(removeLegalAidEntry({ actor: w.advisor.actor, input: { entryId: entry.id }, context: newContext() }), 'CONFLICT');
    expect(await writeCounts()).toEqual(counts);
  });

  it('refuses a code absent from the list in force on the day, and writes nothing', async () => {
    const w = await world('Legal aid refusal');
    await designate(w, w.kase.id, w.advisor.user.id);
    const counts = await writeCounts();
    // The synthesis memorandum is on the 2024 list only: the day before it came into force it has no value.
    const error = await expectAppError(enter(w, w.kase.id, '2024-08-31', 'RVV_SYNTHESIS'), 'VALIDATION');
    expect(error.userMessage).toBe('legalAid.errors.codeNotInList');
    await expectAppError(enter(w, w.kase.id, '2024-09-01', 'NO_SUCH_CODE'), 'VALIDATION');
    await expectAppError(enter(w, w.kase.id, '2015-06-01', 'OPENING'), 'VALIDATION');
    await expectAppError(enter(w, w.kase.id, '2024-09-01', 'OPENING', 0), 'VALIDATION');
    expect(await writeCounts()).toEqual(counts);
    await expect(enter(w, w.kase.id, '2024-09-01', 'RVV_SYNTHESIS')).resolves.toMatchObject({ pointListId: '2024', pointsHundredths: 300 });
  });

  it('designates only an active advisor or admin of the firm', async () => {
    const w = await world('Legal aid lawyer');
    const other = await createFirmWithStaff('Legal aid lawyer other');
    const counts = await writeCounts();
    for (const lawyerId of [w.assistant.user.id, other.advisor.user.id]) {
      const error = await expectAppError(designate(w, w.kase.id, lawyerId), 'VALIDATION');
      expect(error).toMatchObject({ code: 'VALIDATION' });
    }
    await expectAppError(setLegalAidDesignation({ actor: w.advisor.actor, input: { caseId: w.kase.id, designatedOn: '2024-08-01', designationNumber: 'X', bar: 'Gent', lawyerId: w.advisor.user.id, clientContributionCents: '12,345' }, context: newContext() }), 'VALIDATION');
    expect(await writeCounts()).toEqual(counts);
    // A second call corrects the designation instead of adding one.
    await designate(w, w.kase.id, w.advisor.user.id);
    await designate(w, w.kase.id, w.admin.user.id, '2024-08-02');
    expect(await db.legalAidDesignation.findMany({ where: { caseId: w.kase.id }, select: { lawyerId: true } })).toEqual([{ lawyerId: w.admin.user.id }]);
    await expectAppError(closeLegalAid({ actor: w.admin.actor, input: { caseId: w.kase.id, closedOn: '2024-08-01' }, context: newContext() }), 'VALIDATION');
  });

  it("gives NOT_FOUND for another firm's case and entry ids, and changes nothing", async () => {
    const w = await world('Legal aid tenancy');
    const other = await createFirmWithStaff('Legal aid tenancy other');
    await designate(w, w.kase.id, w.advisor.user.id);
    const { id: entryId } = await enter(w, w.kase.id, '2024-09-02', 'OPENING');
    const counts = await writeCounts();
    const caseId = w.kase.id;
    const context = newContext();
    await expectAppError(setLegalAidDesignation({ actor: other.admin.actor, input: { caseId, designatedOn: '2024-08-01', designationNumber: 'X', bar: 'Gent', lawyerId: other.advisor.user.id, clientContributionCents: 0 }, context }), 'NOT_FOUND');
    await expectAppError(addLegalAidEntry({ actor: other.admin.actor, input: { caseId, performedOn: '2024-09-02', itemCode: 'OPENING', quantity: 1 }, context }), 'NOT_FOUND');
    await expectAppError(removeLegalAidEntry({ actor: other.admin.actor, input: { entryId }, context }), 'NOT_FOUND');
    await expectAppError(closeLegalAid({ actor: other.admin.actor, input: { caseId, closedOn: '2024-10-01' }, context }), 'NOT_FOUND');
    await expectAppError(getLegalAidReport({ actor: other.admin.actor, input: { caseId } }), 'NOT_FOUND');
    await expectAppError(exportLegalAidReportCsv({ actor: other.admin.actor, input: { caseId }, context }), 'NOT_FOUND');
    await expectAppError(legalAidReportPdf({ actor: other.admin.actor, input: { caseId }, context }), 'NOT_FOUND');
    await expectAppError(yearlyLegalAidOverview({ actor: other.admin.actor, input: { year: 2024, lawyerId: w.advisor.user.id } }), 'NOT_FOUND');
    expect(await writeCounts()).toEqual(counts);
    expect(await db.legalAidEntry.findUniqueOrThrow({ where: { id: entryId } })).toMatchObject({ deletedAt: null });
  });

  it('lets an assistant enter points but not remove them, close the file or download its report', async () => {
    const w = await world('Legal aid assistant');
    await designate(w, w.kase.id, w.advisor.user.id);
    const { id } = await enter(w, w.kase.id, '2024-09-02', 'OPENING');
    const { id: second } = await enter(w, w.kase.id, '2024-09-03', 'CORRESPONDENCE');
    const counts = await writeCounts();
    await expectAppError(removeLegalAidEntry({ actor: w.assistant.actor, input: { entryId: second }, context: newContext() }), 'FORBIDDEN');
    const context = newContext();
    await expectAppError(closeLegalAid({ actor: w.assistant.actor, input: { caseId: w.kase.id, closedOn: '2024-10-01' }, context }), 'FORBIDDEN');
    await expectAppError(getLegalAidReport({ actor: w.assistant.actor, input: { caseId: w.kase.id } }), 'FORBIDDEN');
    await expectAppError(exportLegalAidReportCsv({ actor: w.assistant.actor, input: { caseId: w.kase.id }, context }), 'FORBIDDEN');
    await expectAppError(legalAidReportPdf({ actor: w.assistant.actor, input: { caseId: w.kase.id }, context }), 'FORBIDDEN');
    await expectAppError(yearlyLegalAidOverview({ actor: w.assistant.actor, input: { year: 2024 } }), 'FORBIDDEN');
    expect(await writeCounts()).toEqual(counts);
    // The advisor removes it.
    await removeLegalAidEntry({ actor: w.advisor.actor, input: { entryId: second }, context: newContext() });
    const report = await getLegalAidReport({ actor: w.advisor.actor, input: { caseId: w.kase.id } });
    expect(report.groups.flatMap((g) => g.entries.map((e) => e.id))).toEqual([id]);
    expect(report.totalHundredths).toBe(400);
  });
});

describe('the yearly legal-aid overview', () => {
  it('counts per lawyer: cases designated and closed in the year and their points; an advisor sees their own line only', async () => {
    const w = await world('Legal aid overview');
    await designate(w, w.kase.id, w.advisor.user.id, '2024-08-01');
    await acrossTheBoundary(w, w.kase.id);
    await closeLegalAid({ actor: w.advisor.actor, input: { caseId: w.kase.id, closedOn: '2024-10-01' }, context: newContext() });
    // Designated the year before, closed in 2024.
    const earlier = await createCase(w.firm, w.client);
    await designate(w, earlier.id, w.advisor.user.id, '2023-12-01');
    await enter(w, earlier.id, '2023-12-05', 'DETENTION');
    await closeLegalAid({ actor: w.advisor.actor, input: { caseId: earlier.id, closedOn: '2024-02-01' }, context: newContext() });
    // The admin's own open file.
    const admins = await createCase(w.firm, w.client);
    await designate(w, admins.id, w.admin.user.id, '2024-05-01');
    await enter(w, admins.id, '2024-05-02', 'OPENING');
    // A deleted case counts for nobody.
    const deleted = await createCase(w.firm, w.client);
    await designate(w, deleted.id, w.advisor.user.id, '2024-03-01');
    await db.case.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });

    const all = await yearlyLegalAidOverview({ actor: w.admin.actor, input: { year: '2024' } });
    const line = (rows: typeof all.rows, lawyerId: string) => rows.find((row) => row.lawyerId === lawyerId);
    expect(line(all.rows, w.advisor.user.id)).toMatchObject({ designated: 1, closed: 2, closedPointsHundredths: 2000 + 800, performedPointsHundredths: 2000 });
    expect(line(all.rows, w.admin.user.id)).toMatchObject({ designated: 1, closed: 0, closedPointsHundredths: 0, performedPointsHundredths: 300 });
    expect(all.rows).toHaveLength(2);
    expect((await yearlyLegalAidOverview({ actor: w.admin.actor, input: { year: 2023, lawyerId: w.advisor.user.id } })).rows).toEqual([
      expect.objectContaining({ lawyerId: w.advisor.user.id, designated: 1, closed: 0, performedPointsHundredths: 800 }),
    ]);

    const own = await yearlyLegalAidOverview({ actor: w.advisor.actor, input: { year: 2024 } });
    expect(own.rows.map((row) => row.lawyerId)).toEqual([w.advisor.user.id]);
    await expectAppError(yearlyLegalAidOverview({ actor: w.advisor.actor, input: { year: 2024, lawyerId: w.admin.user.id } }), 'FORBIDDEN');
  });
});
