import { existsSync } from 'node:fs';
import { defineConfig } from 'prisma/config';

// Used by the real Prisma CLI (`npx prisma migrate deploy/status`, `prisma generate`) on machines that can
// download its engine. Offline, `npm run db:*` (lib/dev/migrations.ts) works on the same prisma/migrations.

// Prisma 7's CLI no longer reads .env by itself; load it without overriding variables already set.
if (existsSync('.env')) process.loadEnvFile('.env');

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: {
    path: 'prisma/migrations',
    seed: 'tsx prisma/seed/main.ts',
  },
  // Not env('DATABASE_URL'): that throws when the variable is unset, and `prisma generate` must work without it.
  datasource: { url: process.env.DATABASE_URL },
});
