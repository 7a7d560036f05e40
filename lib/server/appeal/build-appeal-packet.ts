import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ZipArchive } from 'archiver';
import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { convertToPdfa } from '@/lib/documents/pdfa/convert-to-pdfa';
import { buildInventoryPdf } from '@/lib/documents/packet/inventory-pdf';
import { packetFileNames } from '@/lib/documents/packet/packet-file-names';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';
import { getStorage } from '@/lib/storage/get-storage';
import type { Storage } from '@/lib/storage/storage';
import { ZCaseRef } from './appeal-schemas';
import { currentFiling, findAppealCase } from './find-appeal-case';
import type { PacketFile } from './packet-manifest';

type Source = { role: 'petition' | 'decision' | 'annex'; documentId: string; title: string; versionId: string; storageKey: string; mimeType: string; fileName: string };

async function loadSources(firmId: string, clientId: string, filing: { petitionDocumentId: string | null; decisionDocumentId: string | null; annexDocumentIds: string[] }): Promise<Source[]> {
  if (!filing.petitionDocumentId) throw new AppError('VALIDATION', { message: 'no petition', userMessage: 'appeals.packet.missingPetition' });
  if (!filing.decisionDocumentId) throw new AppError('VALIDATION', { message: 'no decision', userMessage: 'appeals.packet.missingDecision' });
  const ids = [filing.petitionDocumentId, filing.decisionDocumentId, ...filing.annexDocumentIds];
  const documents = await getDb().document.findMany({
    where: { id: { in: ids }, firmId, clientId, deletedAt: null },
    select: { id: true, title: true, versions: { orderBy: { version: 'desc' }, take: 1, select: { id: true, storageKey: true, mimeType: true, fileName: true } } },
  });
  const byId = new Map(documents.map((document) => [document.id, document]));
  return ids.map((id, index) => {
    const document = byId.get(id);
    const version = document?.versions[0];
    // A chosen document deleted since, or one without a file: the advisor must choose again, not get a short packet.
    if (!document || !version) throw new AppError('VALIDATION', { message: `document ${id} is gone`, userMessage: 'appeals.packet.documentGone' });
    return { role: index === 0 ? 'petition' : index === 1 ? 'decision' : 'annex', documentId: id, title: document.title, versionId: version.id, storageKey: version.storageKey, mimeType: version.mimeType, fileName: version.fileName };
  });
}

async function download(storage: Storage, key: string, to: string) {
  const object = await storage.get(key);
  await pipeline(object.body, createWriteStream(to));
}

async function zipTo(files: { path: string; name: string }[], to: string) {
  const archive = new ZipArchive({ zlib: { level: 6 } });
  const done = pipeline(archive, createWriteStream(to));
  for (const file of files) archive.append(createReadStream(file.path), { name: file.name });
  await archive.finalize();
  await done;
}

const sha256 = async (file: string) => createHash('sha256').update(await readFile(file)).digest('hex');

/**
 * Assembles the J-Box filing: petition, contested decision, inventory and numbered annexes, each converted to
 * PDF/A where it is not PDF/A or ODT already, named in the language of procedure, zipped for download and
 * stored with a manifest of what went in (source version, tool, format, hash). Conversion runs outside any
 * transaction (seconds per file); the filing is then updated only if nobody changed the choice meanwhile.
 */
export async function buildAppealPacket({ actor, input, context, storage = getStorage() }: { actor: StaffActor; input: unknown; context: RequestContext; storage?: Storage }) {
  assertCan(actor, 'appeal.prepare');
  const { caseId } = parseInput(ZCaseRef, input);
  const db = getDb();
  const kase = await findAppealCase(db, actor, caseId);
  const filing = await currentFiling(db, actor.firmId, kase.id);
  if (!filing) throw new AppError('VALIDATION', { message: 'no filing', userMessage: 'appeals.packet.missingPetition' });
  const language = filing.language === 'fr' ? 'fr' : 'nl';
  const sources = await loadSources(actor.firmId, kase.clientId, filing);

  const work = await mkdtemp(path.join(tmpdir(), 'sejour-packet-'));
  const storageKey = `${actor.firmId}/appeals/${filing.id}/${randomUUID()}`;
  let stored = false;
  try {
    const converted = [];
    for (const [index, source] of sources.entries()) {
      const input = path.join(work, `source-${index}`);
      await download(storage, source.storageKey, input);
      converted.push({ source, result: await convertToPdfa({ inputPath: input, mime: source.mimeType, outputDir: work, baseName: `converted-${index}` }) });
    }
    const annexes = converted.filter(({ source }) => source.role === 'annex');
    const names = packetFileNames(language, {
      petitionExt: path.extname(converted[0]!.result.fileName),
      decisionExt: path.extname(converted[1]!.result.fileName),
      annexes: annexes.map(({ source, result }) => ({ title: source.title, ext: path.extname(result.fileName) })),
    });
    const inventoryPath = path.join(work, 'inventory-source.pdf');
    await writeFile(inventoryPath, await buildInventoryPdf({
      language,
      caseReference: kase.reference,
      clientName: `${kase.client.firstName} ${kase.client.lastName}`,
      decisionLabel: converted[1]!.source.title,
      annexes: annexes.map(({ source }, i) => ({ number: i + 1, title: source.title, fileName: names.annexes[i]! })),
    }));
    const inventory = await convertToPdfa({ inputPath: inventoryPath, mime: 'application/pdf', outputDir: work, baseName: 'inventory' });

    const ordered = [
      { path: converted[0]!.result.path, name: names.petition, source: converted[0]!.source, result: converted[0]!.result, role: 'petition' as const },
      { path: converted[1]!.result.path, name: names.decision, source: converted[1]!.source, result: converted[1]!.result, role: 'decision' as const },
      { path: inventory.path, name: names.inventory, source: null, result: inventory, role: 'inventory' as const },
      ...annexes.map(({ source, result }, i) => ({ path: result.path, name: names.annexes[i]!, source, result, role: 'annex' as const })),
    ];
    const files: PacketFile[] = [];
    for (const [index, entry] of ordered.entries()) {
      files.push({
        order: index + 1, fileName: entry.name, role: entry.role, documentId: entry.source?.documentId ?? null, versionId: entry.source?.versionId ?? null, title: entry.source?.title ?? null,
        sourceMimeType: entry.source?.mimeType ?? 'application/pdf', converted: entry.result.converted, tool: entry.result.tool, format: entry.result.format,
        sha256: await sha256(entry.path), sizeBytes: (await stat(entry.path)).size,
      });
    }
    const zipPath = path.join(work, 'packet.zip');
    await zipTo(ordered.map(({ path: file, name }) => ({ path: file, name })), zipPath);
    const zipSize = (await stat(zipPath)).size;
    await storage.put(storageKey, createReadStream(zipPath), { contentType: 'application/zip', size: zipSize });
    stored = true;

    const manifest = { language, builtAt: new Date().toISOString(), files, zip: { sha256: await sha256(zipPath), sizeBytes: zipSize } };
    const previous = await db.$transaction(async (tx) => {
      // The choice the packet was built from must still be the filing's; a save meanwhile means build again.
      const { count } = await tx.appealFiling.updateMany({
        where: { id: filing.id, firmId: actor.firmId, updatedAt: filing.updatedAt, submittedAt: null },
        data: { manifest: manifest as object, packetStorageKey: storageKey, builtAt: new Date(), builtById: actor.userId },
      });
      if (count !== 1) throw new AppError('CONFLICT', { message: 'filing changed while the packet was built', userMessage: 'appeals.packet.changedMeanwhile' });
      await recordAudit(tx, {
        firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'appeal.packet_built', entity: 'appeal', entityId: filing.id, context,
        after: { caseId: kase.id, files: files.map(({ fileName, versionId, converted: wasConverted, format, sha256: hash }) => ({ fileName, versionId, converted: wasConverted, format, sha256: hash })) },
      });
      return filing.packetStorageKey;
    });
    if (previous) await storage.delete(previous).catch(() => {});
    return { filingId: filing.id, manifest };
  } catch (error) {
    if (stored) await storage.delete(storageKey).catch(() => {});
    throw error;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
