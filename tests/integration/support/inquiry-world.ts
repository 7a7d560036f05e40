import { randomUUID } from 'node:crypto';
import { getDb } from '@/lib/db';
import type { Firm } from '@/lib/generated/prisma/client';
import type { InquiryStatus, InquiryTopic } from '@/lib/generated/prisma/enums';
import { appealDueFromNotification } from '@/lib/rules/inquiry-appeal';
import { sealNationalRegisterNumber } from '@/lib/server/client/sealed-national-number';
import type { Storage } from '@/lib/storage/storage';
import { unique } from './fixtures';

// Inquiries as the public form writes them (the lead's submitIntake): made here straight with Prisma, the number
// sealed to the row with the firm's hash, the appeal due date from the notification date. Import after
// setupTestDatabase(), as the tests do lib/server.

export type InquiryFields = {
  firstName?: string;
  lastName?: string;
  email?: string;
  birthDate?: string | null;
  nationalRegisterNumber?: string | null;
  nationality?: string | null;
  language?: string;
  topic?: InquiryTopic;
  question?: string;
  refusalNotifiedOn?: string | null;
  status?: InquiryStatus;
  createdAt?: Date;
  residenceCommune?: string | null;
  letter?: { storage: Storage; fileName: string; mimeType: string; bytes: Uint8Array };
};

const day = (date: string | null | undefined) => (date ? new Date(`${date}T00:00:00.000Z`) : null);

export async function createInquiry(firm: Pick<Firm, 'id'>, fields: InquiryFields = {}) {
  const db = getDb();
  const id = randomUUID();
  let letter = {};
  if (fields.letter) {
    const key = `${firm.id}/inquiries/${id}/${randomUUID()}`;
    await fields.letter.storage.put(key, fields.letter.bytes, { contentType: fields.letter.mimeType, size: fields.letter.bytes.byteLength });
    letter = { letterStorageKey: key, letterFileName: fields.letter.fileName, letterMimeType: fields.letter.mimeType, letterSizeBytes: fields.letter.bytes.byteLength };
  }
  return db.inquiry.create({
    data: {
      id,
      firmId: firm.id,
      status: fields.status ?? 'NEW',
      firstName: fields.firstName ?? 'Amal',
      lastName: fields.lastName ?? `Inquirer${unique()}`,
      email: fields.email ?? `inquirer-${unique()}@people.example.test`,
      language: fields.language ?? 'fr',
      nationality: fields.nationality === undefined ? 'MA' : fields.nationality,
      birthDate: day(fields.birthDate),
      residenceCountry: 'BE',
      residenceCommune: fields.residenceCommune === undefined ? 'Schaerbeek' : fields.residenceCommune,
      topic: fields.topic ?? 'OTHER',
      question: fields.question ?? 'Can you help me?',
      refusalNotifiedOn: day(fields.refusalNotifiedOn),
      appealDueOn: day(fields.refusalNotifiedOn ? appealDueFromNotification(fields.refusalNotifiedOn) : null),
      ...sealNationalRegisterNumber({ table: 'Inquiry', id, firmId: firm.id }, fields.nationalRegisterNumber),
      ...letter,
      ...(fields.createdAt ? { createdAt: fields.createdAt } : {}),
    },
  });
}
