import { describe, expect, it } from 'vitest';
import { listHref, RESTART } from '@/components/list-table/list-href';

describe('listHref', () => {
  it("keeps the page's filters and tabs, and applies the changes", () => {
    expect(listHref('/settings/outbox', { status: 'FAILED', q: 'gmail', cursor: '17.abc' }, { ...RESTART, sort: 'date', dir: 'desc' })).toBe(
      '/settings/outbox?status=FAILED&q=gmail&sort=date&dir=desc',
    );
  });

  it('replaces a param that is already there, keeps repeated ones repeated and drops blanks', () => {
    expect(listHref('/clients', { q: 'peeters', sort: 'name', dir: 'asc', page: '3', stage: ['A', 'B'], empty: '' }, { dir: 'desc', page: undefined })).toBe(
      '/clients?q=peeters&sort=name&stage=A&stage=B&dir=desc',
    );
  });

  it('gives the bare path when nothing is left, and encodes what it keeps', () => {
    expect(listHref('/import', { page: '2' }, { page: undefined })).toBe('/import');
    expect(listHref('/clients', { q: 'El Idrissi & co' }, { page: 2 })).toBe('/clients?q=El+Idrissi+%26+co&page=2');
  });
});
