import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brusselsMidnight } from '@/lib/dates';
import { elfBinary, filesUnder, jpeg, png } from './support/document-files';
import { createCase, createClient, createFirmWithStaff, expectAppError, firmSnapshot, newContext, type FirmWithStaff } from './support/fixtures';
import { setupTestDatabase } from './support/test-database';

// A firm's logo from upload to the top of its emails: an admin uploads it, the public address serves exactly
// that image, every email the firm sends from then on shows it (reminders from the sweep and emails queued by
// operations alike), a replaced or removed logo is gone from storage and from the address, and bad files,
// other roles and other firms change nothing.

const dataDir = await mkdtemp(path.join(tmpdir(), 'sejour-logo-'));
process.env.DATA_DIR = dataDir;
await setupTestDatabase();
const { getDb } = await import('@/lib/db');
const { setFirmLogo } = await import('@/lib/server/firm/set-firm-logo');
const { removeFirmLogo } = await import('@/lib/server/firm/remove-firm-logo');
const { getFirmBranding } = await import('@/lib/server/firm/get-firm-branding');
const { inviteClientToPortal } = await import('@/lib/server/client/invite-client-to-portal');
const { sweepReminders } = await import('@/lib/server/reminder/sweep-reminders');
const { GET } = await import('@/app/api/firm-logos/[firmId]/[name]/route');
const { getStorage } = await import('@/lib/storage/get-storage');

const db = getDb();
const stored = () => filesUnder(path.join(dataDir, 'files'));
afterAll(() => rm(dataDir, { recursive: true, force: true }));

/** The logo as a mail client fetches it: by its public address, without a session. */
async function fetchLogo(url: string) {
  const [, , , firmId, name] = new URL(url).pathname.split('/');
  return GET(new Request(url), { params: Promise.resolve({ firmId: firmId!, name: name! }) });
}

let a: FirmWithStaff;
let b: FirmWithStaff;
beforeAll(async () => {
  a = await createFirmWithStaff('Logo');
  b = await createFirmWithStaff('Other');
});

describe("the firm's logo", () => {
  it('is served at its public address, byte for byte, and shows at the top of every email the firm sends', async () => {
    const image = png();
    await setFirmLogo({ actor: a.admin.actor, file: { bytes: image }, context: newContext() });
    const { logoUrl } = await getFirmBranding({ actor: a.advisor.actor });
    expect(logoUrl).toMatch(new RegExp(`/api/firm-logos/${a.firm.id}/[0-9a-f-]{36}-png$`));

    const response = await fetchLogo(logoUrl!);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toContain('immutable');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(image);
    const audit = await db.auditLog.findFirstOrThrow({ where: { firmId: a.firm.id, action: 'settings.updated', actorUserId: a.admin.user.id } });
    expect(audit.diff).toMatchObject({ before: { logoKey: null }, after: { logoType: 'image/png' } });

    // An email queued by an operation…
    const { client } = await createClient(a.firm, { language: 'fr' });
    await inviteClientToPortal({ actor: a.advisor.actor, input: { clientId: client.id }, context: newContext() });
    const invitation = await db.emailOutbox.findFirstOrThrow({ where: { firmId: a.firm.id, template: 'portal-invitation' } });
    expect(invitation.html).toContain(`<img alt="`);
    expect(invitation.html).toContain(`src="${logoUrl}"`);
    // …and the reminders the sweep renders itself.
    const kase = await createCase(a.firm, client, { assignedToId: a.advisor.user.id });
    await db.deadline.create({
      data: { firmId: a.firm.id, caseId: kase.id, key: 'APPEAL:logo', kind: 'APPEAL', dueOn: new Date('2027-04-21T00:00:00Z'), basis: 'test basis', confidence: 'H', actor: 'ADVISOR' },
    });
    await sweepReminders({ db, now: new Date(brusselsMidnight('2027-04-14').getTime() + 9 * 3_600_000) });
    const reminder = await db.emailOutbox.findFirstOrThrow({ where: { firmId: a.firm.id, template: 'deadline-reminder' } });
    expect(reminder.html).toContain(`src="${logoUrl}"`);
    // Another firm's emails are not branded with it.
    expect((await getFirmBranding({ actor: b.admin.actor })).logoUrl).toBeNull();
  });

  it('replaced, the old image is gone from storage and its address; removed, emails show the name only', async () => {
    await setFirmLogo({ actor: a.admin.actor, file: { bytes: png() }, context: newContext() });
    const first = (await getFirmBranding({ actor: a.admin.actor })).logoUrl!;
    await setFirmLogo({ actor: a.admin.actor, file: { bytes: jpeg() }, context: newContext() });
    const second = (await getFirmBranding({ actor: a.admin.actor })).logoUrl!;
    expect(second).toMatch(/-jpg$/);
    expect((await fetchLogo(first)).status).toBe(404);
    expect((await fetchLogo(second)).headers.get('content-type')).toBe('image/jpeg');
    expect((await stored()).filter((file) => file.includes(`${a.firm.id}/logo/`))).toHaveLength(1);

    await removeFirmLogo({ actor: a.admin.actor, context: newContext() });
    expect((await fetchLogo(second)).status).toBe(404);
    expect((await stored()).filter((file) => file.includes(`${a.firm.id}/logo/`))).toEqual([]);
    const { client } = await createClient(a.firm, { language: 'nl' });
    await inviteClientToPortal({ actor: a.advisor.actor, input: { clientId: client.id }, context: newContext() });
    const invitation = await db.emailOutbox.findFirstOrThrow({ where: { firmId: a.firm.id, toEmail: client.email! } });
    expect(invitation.html).not.toContain('/api/firm-logos/');
  });

  it('refuses a program, an empty file and an image over 200 KB, with their own messages, and keeps nothing', async () => {
    const before = await firmSnapshot(a.firm.id);
    const files = await stored();
    const tooBig = new Uint8Array(200 * 1024 + 1);
    tooBig.set(png());
    for (const [bytes, message] of [[elfBinary(), 'firmSettings.logo.type'], [new Uint8Array(), 'firmSettings.logo.empty'], [tooBig, 'firmSettings.logo.tooLarge']] as const) {
      expect((await expectAppError(setFirmLogo({ actor: a.admin.actor, file: { bytes }, context: newContext() }), 'VALIDATION')).userMessage).toBe(message);
    }
    expect(await firmSnapshot(a.firm.id)).toEqual(before);
    expect(await stored()).toEqual(files);
  });

  it("is changed by admins only, and the address serves no other firm's logo nor any other stored file", async () => {
    await setFirmLogo({ actor: b.admin.actor, file: { bytes: png() }, context: newContext() });
    const theirs = (await getFirmBranding({ actor: b.admin.actor })).logoUrl!;
    const before = await firmSnapshot(a.firm.id);
    await expectAppError(setFirmLogo({ actor: a.advisor.actor, file: { bytes: png() }, context: newContext() }), 'FORBIDDEN');
    await expectAppError(removeFirmLogo({ actor: a.assistant.actor, context: newContext() }), 'FORBIDDEN');
    expect(await firmSnapshot(a.firm.id)).toEqual(before);

    // Firm B's logo name under firm A's id, a document's key, a path with dots: nothing.
    const name = new URL(theirs).pathname.split('/').at(-1)!;
    const base = 'https://sejour.example/api/firm-logos';
    expect((await fetchLogo(`${base}/${a.firm.id}/${name}`)).status).toBe(404);
    expect((await fetchLogo(`${base}/${b.firm.id}/..%2F..%2Fetc-png`)).status).toBe(404);
    expect((await fetchLogo(`${base}/${b.firm.id}/${name.replace('-png', '-gif')}`)).status).toBe(404);
    expect((await fetchLogo(theirs)).status).toBe(200);
  });
});

describe("the logo's address, from the attacker's side", () => {
  const html = new TextEncoder().encode('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');
  const svg = new TextEncoder().encode('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.domain)"><script>alert(1)</script></svg>');

  it('refuses HTML and SVG at upload, whatever the file was called, and keeps nothing', async () => {
    const firm = await createFirmWithStaff('Planted upload');
    const before = await firmSnapshot(firm.firm.id);
    const files = await stored();
    for (const bytes of [html, svg]) {
      expect((await expectAppError(setFirmLogo({ actor: firm.admin.actor, file: { bytes }, context: newContext() }), 'VALIDATION')).userMessage).toBe('firmSettings.logo.type');
    }
    expect(await firmSnapshot(firm.firm.id)).toEqual(before);
    expect(await stored()).toEqual(files);
  });

  it('serves the image inline with its own type and nosniff, and nothing at all once HTML or SVG is planted under its key', async () => {
    const firm = await createFirmWithStaff('Planted storage');
    const image = png();
    const { logoKey } = await setFirmLogo({ actor: firm.admin.actor, file: { bytes: image }, context: newContext() });
    const url = (await getFirmBranding({ actor: firm.admin.actor })).logoUrl!;
    const served = await fetchLogo(url);
    expect(served.status).toBe(200);
    expect(Object.fromEntries(['content-type', 'x-content-type-options', 'content-disposition', 'content-security-policy'].map((h) => [h, served.headers.get(h)]))).toEqual({
      'content-type': 'image/png',
      'x-content-type-options': 'nosniff',
      'content-disposition': 'inline; filename="logo.png"',
      'content-security-policy': "default-src 'none'; sandbox",
    });
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(image);

    // Someone with access to the bucket swaps the bytes: the address stops answering rather than serve them.
    for (const [bytes, contentType] of [[html, 'text/html'], [svg, 'image/svg+xml'], [jpeg(), 'image/jpeg']] as const) {
      await getStorage().put(logoKey, bytes, { contentType, size: bytes.byteLength });
      const planted = await fetchLogo(url);
      expect(planted.status).toBe(404);
      expect(planted.headers.get('content-type')).not.toMatch(/html|svg|image/);
      expect(await planted.text()).toBe('Not found');
    }
  });
});
