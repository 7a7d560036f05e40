import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { appealDueFromNotification } from '../../../lib/rules/inquiry-appeal';
import { e2eWorld, withDatabase } from './e2e-world';

// An inquiry as the firm's public form leaves it (the lead's intake writes the same row), put straight into the
// e2e server's database, with its letter in the server's local storage, for specs that start from one.

export type SeededInquiry = { id: string; firmId: string };

export async function seedInquiry(firmSlug: string, fields: { firstName: string; lastName: string; email: string; topic: string; question: string; refusalNotifiedOn?: string; letter?: { fileName: string; bytes: Buffer } }): Promise<SeededInquiry> {
  const id = randomUUID();
  return withDatabase(async (db) => {
    const { rows } = await db.query<{ id: string }>(`SELECT id FROM "Firm" WHERE slug = $1`, [firmSlug]);
    const firmId = rows[0]!.id;
    let letter: { key: string; fileName: string; size: number } | null = null;
    if (fields.letter) {
      const key = `${firmId}/inquiries/${id}/${randomUUID()}`;
      const file = path.join(e2eWorld().dataDir, 'files', ...key.split('/'));
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, fields.letter.bytes);
      letter = { key, fileName: fields.letter.fileName, size: fields.letter.bytes.byteLength };
    }
    await db.query(
      `INSERT INTO "Inquiry" ("id", "firmId", "firstName", "lastName", "email", "language", "nationality", "topic", "question", "refusalNotifiedOn", "appealDueOn",
         "letterStorageKey", "letterFileName", "letterMimeType", "letterSizeBytes", "updatedAt")
       VALUES ($1, $2, $3, $4, $5, 'de', 'MA', $6::"InquiryTopic", $7, $8::date, $9::date, $10, $11, $12, $13, now())`,
      [
        id, firmId, fields.firstName, fields.lastName, fields.email, fields.topic, fields.question,
        fields.refusalNotifiedOn ?? null, fields.refusalNotifiedOn ? appealDueFromNotification(fields.refusalNotifiedOn) : null,
        letter?.key ?? null, letter?.fileName ?? null, letter ? 'application/pdf' : null, letter?.size ?? null,
      ],
    );
    return { id, firmId };
  });
}
