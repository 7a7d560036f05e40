import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { developmentKeys, GENERATE_KEY_HINT, parseHashKey, parseKeyring, type FieldKeys } from './crypto/field-keys';

// The one place that reads process.env. Everything is validated once, on first use, with a message
// that names the setting, so a misconfigured deployment fails at start instead of on a lawyer's click.

const optionalUrl = z.preprocess((v) => (v === '' ? undefined : v), z.url().optional());
const optionalText = z.preprocess((v) => (v === '' ? undefined : v), z.string().optional());

// The keys that seal identity numbers in the database (lib/crypto). Read by env() with the rest, so a bad value
// stops the start, and alone by fieldKeys(), which the migration step needs before DATABASE_URL is known.
const fieldKeyShape = {
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters').optional(),
  DATA_DIR: z.string().default('.data'),
  // "k2:<base64 32 bytes>,k1:<base64 32 bytes>": the current key first, then older ones still to be read.
  DATA_ENCRYPTION_KEYS: optionalText,
  // The HMAC key of the identity numbers' lookup hashes (duplicates, exact search); never rotated by keys:rotate.
  DATA_HASH_KEY: optionalText,
};

type FieldKeySettings = { NODE_ENV: string; DATA_ENCRYPTION_KEYS?: string; DATA_HASH_KEY?: string };

function checkFieldKeys(value: FieldKeySettings, ctx: z.RefinementCtx) {
  const checks = [
    { name: 'DATA_ENCRYPTION_KEYS', text: value.DATA_ENCRYPTION_KEYS, parse: parseKeyring, example: 'DATA_ENCRYPTION_KEYS=k1:<key>' },
    { name: 'DATA_HASH_KEY', text: value.DATA_HASH_KEY, parse: parseHashKey, example: 'DATA_HASH_KEY=<key>' },
  ];
  for (const { name, text, parse, example } of checks) {
    if (text === undefined) {
      if (value.NODE_ENV === 'production') {
        ctx.addIssue({ code: 'custom', path: [name], message: `${name} is required in production: generate it once (${GENERATE_KEY_HINT}), set ${example}, and keep it safe apart from the backups (a restore needs it)` });
      }
      continue;
    }
    try {
      parse(text);
    } catch (error) {
      ctx.addIssue({ code: 'custom', path: [name], message: (error as Error).message });
    }
  }
}

const schema = z
  .object({
    ...fieldKeyShape,
    DATABASE_URL: z.url({ message: 'DATABASE_URL must be a postgresql:// connection string' }),
    APP_URL: optionalUrl,
    // Passkeys are bound to a domain (the RP ID) and an origin; both default to APP_URL's. Override them when the
    // app is reached under another name than APP_URL (WebAuthn refuses an IP address as RP ID).
    WEBAUTHN_RP_ID: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(1).optional()),
    WEBAUTHN_ORIGIN: optionalUrl,
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    SMTP_URL: optionalUrl,
    MAIL_FROM: z.string().min(3).default('Sejour <no-reply@sejour.local>'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    STORAGE_DRIVER: z.enum(['local', 's3']).default('local'),
    S3_ENDPOINT: optionalUrl,
    S3_REGION: z.string().default('us-east-1'),
    S3_BUCKET: z.string().optional(),
    S3_ACCESS_KEY_ID: z.string().optional(),
    S3_SECRET_ACCESS_KEY: z.string().optional(),
    // Backups (lib/backup): where archives go, when the worker makes one (pg-boss cron, Europe/Brussels; "off"
    // disables it), and how many archives to keep.
    BACKUP_DIR: z.string().min(1).optional(),
    BACKUP_SCHEDULE: z
      .string()
      .default('30 2 * * *')
      .refine((value) => value === 'off' || value.trim().split(/\s+/).length === 5, 'BACKUP_SCHEDULE must be a five-field cron expression or "off"'),
    BACKUP_KEEP: z.coerce.number().int().min(1).max(1000).default(14),
    UPLOAD_MAX_BYTES: z.coerce.number().int().positive().default(25 * 1024 * 1024),
    // The public form's time check (lib/server/inquiry/intake-form-token.ts): a form sent sooner is a script's.
    INTAKE_MIN_FILL_SECONDS: z.coerce.number().int().min(0).max(600).default(4),
    // Debian tools the J-Box packet converts with (PDF/A); a bare name is looked up on PATH.
    GHOSTSCRIPT_PATH: z.string().min(1).default('gs'),
    LIBREOFFICE_PATH: z.string().min(1).default('soffice'),
    // The bearer token Prometheus sends to /api/metrics; unset, the endpoint does not exist (404). Long enough
    // that guessing it is hopeless, since the endpoint is on the public server.
    METRICS_TOKEN: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(24, 'METRICS_TOKEN must be at least 24 characters (openssl rand -hex 24)').optional()),
  })
  .superRefine((value, ctx) => {
    if (value.NODE_ENV === 'production' && !value.AUTH_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['AUTH_SECRET'], message: 'AUTH_SECRET is required in production (openssl rand -base64 33)' });
    }
    if (value.STORAGE_DRIVER === 's3' && !value.S3_BUCKET) {
      ctx.addIssue({ code: 'custom', path: ['S3_BUCKET'], message: 'S3_BUCKET is required when STORAGE_DRIVER=s3' });
    }
    checkFieldKeys(value, ctx);
  });

export type Env = z.infer<typeof schema> & { AUTH_SECRET: string; APP_URL: string; BACKUP_DIR: string };

/** Outside production an unset AUTH_SECRET is generated once and kept, so sessions survive a restart. */
function developmentSecret(dataDir: string): string {
  const file = path.resolve(dataDir, 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(33).toString('base64');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

function invalidConfiguration(error: z.ZodError): Error {
  const lines = error.issues.map((issue) => `  ${issue.path.join('.') || '(env)'}: ${issue.message}`);
  return new Error(`Invalid configuration:\n${lines.join('\n')}\nSee the configuration table in README.md.`);
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) throw invalidConfiguration(result.error);
  const value = result.data;
  return {
    ...value,
    AUTH_SECRET: value.AUTH_SECRET ?? developmentSecret(value.DATA_DIR),
    APP_URL: value.APP_URL ?? `http://localhost:${value.PORT}`,
    BACKUP_DIR: value.BACKUP_DIR ?? path.join(value.DATA_DIR, 'backups'),
  };
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** The field-encryption keys alone: what is set, or outside production keys derived from AUTH_SECRET. */
export function parseFieldKeys(source: Record<string, string | undefined>): FieldKeys {
  const result = z.object(fieldKeyShape).superRefine(checkFieldKeys).safeParse(source);
  if (!result.success) throw invalidConfiguration(result.error);
  const value = result.data;
  const derived = value.DATA_ENCRYPTION_KEYS && value.DATA_HASH_KEY ? null : developmentKeys(value.AUTH_SECRET ?? developmentSecret(value.DATA_DIR));
  return {
    encryption: value.DATA_ENCRYPTION_KEYS ? parseKeyring(value.DATA_ENCRYPTION_KEYS) : derived!.encryption,
    hashKey: value.DATA_HASH_KEY ? parseHashKey(value.DATA_HASH_KEY) : derived!.hashKey,
  };
}

let cachedKeys: FieldKeys | undefined;

export function fieldKeys(): FieldKeys {
  cachedKeys ??= parseFieldKeys(process.env);
  return cachedKeys;
}

/** Known at build time (Next inlines NODE_ENV); safe to read before the rest is configured, as in proxy.ts. */
export const IS_PRODUCTION = process.env.NODE_ENV === 'production';
