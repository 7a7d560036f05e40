import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  resolve: { alias: { '@': root } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/integration/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Each file gets its own database; a pool of forks keeps Prisma clients apart.
          pool: 'forks',
        },
      },
    ],
    coverage: {
      provider: 'v8',
      include: ['lib/rules/**/*.ts'],
      reporter: ['text-summary', 'text', 'json-summary'],
      thresholds: { branches: 95 },
    },
  },
});
