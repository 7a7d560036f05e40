import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { env } from '@/lib/env';

// One Prisma client per process. Next's dev server reloads modules, so it is kept on globalThis there.
const globalForPrisma = globalThis as unknown as { sejourPrisma?: PrismaClient };

function createClient(): PrismaClient {
  const adapter = new PrismaPg({ connectionString: env().DATABASE_URL, max: 10 });
  return new PrismaClient({ adapter });
}

export function getDb(): PrismaClient {
  globalForPrisma.sejourPrisma ??= createClient();
  return globalForPrisma.sejourPrisma;
}

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];
