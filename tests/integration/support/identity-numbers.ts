import { randomInt } from 'node:crypto';
import type { PrismaClient } from '@/lib/generated/prisma/client';

// Identity numbers for tests of how they are kept, and the attacker's look at the database: every table's rows as
// text, as someone with a copy of the database (or a dump) would search them.

/** A valid Belgian national register number (check digits 97 - n mod 97), never the same twice in a run. */
export function nationalRegisterNumber(): string {
  const base = `8${String(randomInt(10 ** 8)).padStart(8, '0')}`;
  return `${base}${String(97 - (Number(base) % 97)).padStart(2, '0')}`;
}

/** As it is usually written: 85.07.30-033.61. */
export const dotted = (digits: string) => `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}-${digits.slice(6, 9)}.${digits.slice(9)}`;

export const passportNumber = () => `EM${String(randomInt(10 ** 7)).padStart(7, '0')}`;

const likeAny = (values: string[]) => values.map((value) => `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);

/** "<table>: <row>" for every row of every table of the database whose text holds one of the values (any case). */
export async function scanDatabase(db: PrismaClient, values: string[]): Promise<string[]> {
  const tables = await db.$queryRaw<{ name: string }[]>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`;
  if (tables.length < 20) throw new Error(`only ${tables.length} tables: not the whole database`);
  const found: string[] = [];
  for (const { name } of tables) {
    const rows = await db.$queryRawUnsafe<{ row: string }[]>(`SELECT t::text AS row FROM "${name.replaceAll('"', '""')}" t WHERE t::text ILIKE ANY($1::text[])`, likeAny(values));
    found.push(...rows.map(({ row }) => `${name}: ${row}`));
  }
  return found;
}

/** The forms a number could be stored in, in clear. */
export const clearForms = (nrn: string, passport: string) => [nrn, dotted(nrn), passport];
