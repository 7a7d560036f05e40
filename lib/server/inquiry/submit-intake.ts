import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileTypeFromFile } from 'file-type';
import { consumeIntakeForEmail, consumeIntakeFromIp } from '@/lib/auth/rate-limit';
import { encryptField } from '@/lib/crypto/field-encryption';
import { brusselsDate, toDbDate } from '@/lib/dates';
import { getDb } from '@/lib/db';
import { env, fieldKeys } from '@/lib/env';
import { AppError, isAppError } from '@/lib/errors';
import { logger } from '@/lib/logger';
import { appealDueFromNotification, daysLeft } from '@/lib/rules/inquiry-appeal';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { isSlotTaken, reserveSlot } from '@/lib/server/consultation/reserve-slot';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { identityNumberHash } from '@/lib/server/client/identity-numbers';
import { receiveUpload, type UploadBody } from '@/lib/server/document/receive-upload';
import { cleanFileName, isAccepted, refusalFor, withExtension } from '@/lib/server/document/upload-rules';
import { parseInput } from '@/lib/server/validate';
import { getStorage } from '@/lib/storage/get-storage';
import type { Storage } from '@/lib/storage/storage';
import { checkIntakeFormToken } from './intake-form-token';
import { ZIntake } from './intake-schemas';

export type IntakeLetter = { name: string; body: UploadBody; declaredSize?: number };

/** The document rules answer in the app's catalogue; a stranger reads the public one, in four languages. */
function asPublicError(error: unknown): unknown {
  if (isAppError(error) && error.userMessage.startsWith('documents.upload.')) {
    return new AppError(error.code, { message: error.message, userMessage: `publicPage.errors.letter.${error.userMessage.slice('documents.upload.'.length)}` });
  }
  return error;
}

/**
 * A person's message from the firm's public page: the inquiry, the decision letter if they sent one, and the
 * consultation time if they chose one, written together or not at all. Abuse is stopped before any row: the
 * IP's and the address's rate limits, a honeypot field a person never sees (a filled one is answered as if it
 * worked, so the script learns nothing) and the signed time the form was shown.
 */
export async function submitIntake({ firmSlug, input, letter, context, now = new Date(), storage = getStorage() }: {
  firmSlug: string;
  input: Record<string, unknown>;
  letter?: IntakeLetter;
  context: RequestContext;
  now?: Date;
  storage?: Storage;
}) {
  await consumeIntakeFromIp(context.ip);
  const firm = await getDb().firm.findFirst({ where: { slug: firmSlug, publicPageEnabled: true }, select: { id: true } });
  if (!firm) throw new AppError('NOT_FOUND', { message: `no public page for ${firmSlug}`, userMessage: 'publicPage.errors.noSuchFirm' });
  if (typeof input.website === 'string' && input.website.trim() !== '') {
    logger().info({ firmId: firm.id }, 'public form honeypot filled; nothing kept');
    return { inquiryId: null, appeal: null, booking: null, token: null };
  }
  checkIntakeFormToken(firm.id, input.formToken, now);
  const data = parseInput(ZIntake, input);
  const today = brusselsDate(now);
  const future = [data.birthDate && data.birthDate > today ? 'birthDate' : null, data.refusalNotifiedOn && data.refusalNotifiedOn > today ? 'refusalNotifiedOn' : null].filter((f) => f !== null);
  if (future.length > 0) throw new AppError('VALIDATION', { message: 'date in the future', details: { fieldErrors: Object.fromEntries(future.map((f) => [f, ['dateInFuture']])) } });
  await consumeIntakeForEmail(data.email);

  const inquiryId = randomUUID();
  const storedLetter = letter ? await storeLetter(firm.id, inquiryId, letter, storage).catch((error: unknown) => Promise.reject(asPublicError(error))) : null;
  const appealDueOn = data.refusalNotifiedOn ? appealDueFromNotification(data.refusalNotifiedOn) : null;
  try {
    const result = await getDb().$transaction(async (tx) => {
      const person = { name: `${data.firstName} ${data.lastName}`, email: data.email, phone: data.phone ?? null, language: data.language };
      const booking = data.slotId ? await reserveSlot(tx, { firmId: firm.id, slotId: data.slotId, person, context, now, goneMessage: 'publicPage.errors.slotGone' }) : null;
      const nrn = data.nationalRegisterNumber;
      await tx.inquiry.create({
        data: {
          id: inquiryId, firmId: firm.id, status: booking ? 'BOOKED' : 'NEW', firstName: data.firstName, lastName: data.lastName, email: data.email, phone: data.phone ?? null,
          language: data.language, nationality: data.nationality ?? null, birthDate: data.birthDate ? toDbDate(data.birthDate) : null,
          nationalRegisterNumberEnc: nrn ? encryptField(fieldKeys().encryption, nrn, `Inquiry.nationalRegisterNumber:${inquiryId}`) : null,
          nationalRegisterNumberHash: nrn ? identityNumberHash(firm.id, 'nationalRegisterNumber', nrn) : null,
          residenceCountry: data.residenceCountry ?? null, residenceCommune: data.residenceCommune ?? null, topic: data.topic, question: data.question,
          refusalNotifiedOn: data.refusalNotifiedOn ? toDbDate(data.refusalNotifiedOn) : null, appealDueOn: appealDueOn ? toDbDate(appealDueOn) : null,
          ...(storedLetter ?? {}), bookingId: booking?.bookingId ?? null,
        },
      });
      // What the person wrote stays in the inquiry row, which erasure can reach; the log keeps only its shape.
      await recordAudit(tx, { firmId: firm.id, actor: { kind: 'anonymous' }, action: 'inquiry.received', entity: 'inquiry', entityId: inquiryId, context,
        after: { topic: data.topic, language: data.language, letter: Boolean(storedLetter), booked: Boolean(booking), appealDueOn } });
      return booking;
    });
    return { inquiryId, appeal: appealDueOn ? { dueOn: appealDueOn, daysLeft: daysLeft(appealDueOn, today) } : null, booking: result && { id: result.bookingId, startsAt: result.startsAt }, token: result?.token ?? null };
  } catch (error) {
    if (storedLetter) await storage.delete(storedLetter.letterStorageKey).catch(() => {});
    if (isSlotTaken(error)) throw new AppError('CONFLICT', { message: 'slot already booked', userMessage: 'publicPage.errors.slotTaken' });
    throw error;
  }
}

/** The letter goes where document versions go, judged by its bytes with the documents' rules. */
async function storeLetter(firmId: string, inquiryId: string, letter: IntakeLetter, storage: Storage) {
  const name = cleanFileName(letter.name || 'letter');
  const config = env();
  const received = await receiveUpload(letter.body, { tmpDir: path.join(config.DATA_DIR, 'tmp', 'uploads'), maxBytes: config.UPLOAD_MAX_BYTES, declaredSize: letter.declaredSize });
  try {
    const type = await fileTypeFromFile(received.path);
    if (!isAccepted(type?.mime)) throw refusalFor(type?.mime);
    const key = `${firmId}/inquiries/${inquiryId}`;
    await storage.put(key, createReadStream(received.path), { contentType: type.mime, size: received.size });
    return { letterStorageKey: key, letterFileName: withExtension(name, type.mime), letterMimeType: type.mime, letterSizeBytes: received.size, letterSha256: received.sha256 };
  } finally {
    await rm(received.path, { force: true });
  }
}
