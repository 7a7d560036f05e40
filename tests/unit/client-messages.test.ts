import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLIENT_MESSAGE_PATHS, pickMessages } from '@/lib/i18n/client-messages';
import { loadMessages } from '@/lib/i18n/messages';

// The browser gets only CLIENT_MESSAGE_PATHS of the catalogues. A client component reading a key outside them
// would show the raw key to the user; these checks read the components' sources so that cannot ship.

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const files = ['app', 'components'].flatMap(sources).map((file) => ({ file, text: readFileSync(file, 'utf8') }));
const clientFiles = files.filter(({ text }) => /^['"]use client['"]/m.test(text));
const covered = (key: string) => CLIENT_MESSAGE_PATHS.some((p) => key === p || key.startsWith(`${p}.`));
// The public pages (the firm's page, the booking links) hand their client components the public catalogue in its
// own provider, in four languages (app/f/[slug]/page.tsx): its namespaces are theirs, not the app's.
const PUBLIC_NAMESPACES = ['publicPage', 'booking'];
const publicPage = (file: string) => /^app\/(f|booking)\//.test(file.split(path.sep).join('/'));
const coveredIn = (file: string, key: string) => covered(key) || (publicPage(file) && PUBLIC_NAMESPACES.some((n) => key === n || key.startsWith(`${n}.`)));

describe('the catalogue keys sent to the browser', () => {
  it('cover every namespace a client component reads', () => {
    const namespaces = clientFiles.flatMap(({ file, text }) => [...text.matchAll(/useTranslations\('([\w.]+)'\)/g)].map((m) => ({ file, key: m[1]! })));
    expect(namespaces.length).toBeGreaterThan(20);
    expect(namespaces.filter(({ file, key }) => !coveredIn(file, key))).toEqual([]);
  });

  it('cover the literal keys of client components that translate from the root, and every form field namespace', () => {
    const rootReaders = clientFiles.filter(({ text }) => text.includes('useTranslations()'));
    expect(rootReaders.length).toBeGreaterThan(0);
    const literal = rootReaders.flatMap(({ file, text }) => [...text.matchAll(/\bt\('([\w.]+)'/g)].map((m) => ({ file, key: m[1]! })));
    const fields = files.flatMap(({ file, text }) => [...text.matchAll(/fieldMessages(?:=|\s*=\s*)["']([\w.]+)["']/g)].map((m) => ({ file, key: m[1]! })));
    expect(fields.length).toBeGreaterThan(3);
    expect([...literal, ...fields].filter(({ file, key }) => !coveredIn(file, key))).toEqual([]);
  });

  it('exist in every locale, and are a small part of the whole catalogue', async () => {
    for (const locale of ['en', 'nl', 'fr'] as const) {
      const all = await loadMessages(locale);
      const picked = pickMessages(all, CLIENT_MESSAGE_PATHS);
      for (const p of CLIENT_MESSAGE_PATHS) expect(p.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], picked), `${locale}: ${p}`).toBeDefined();
      expect(JSON.stringify(picked).length).toBeLessThan(JSON.stringify(all).length / 2);
    }
  });

  it('keep the nesting of the catalogue and leave out the rest', () => {
    const messages = { a: { b: { c: 'x' }, d: 'y' }, e: 'z' };
    expect(pickMessages(messages, ['a.b', 'missing.key'])).toEqual({ a: { b: { c: 'x' } } });
  });
});
