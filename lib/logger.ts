import pino from 'pino';
import { env } from '@/lib/env';

let instance: pino.Logger | undefined;

/** Created on first use, so importing a module that logs does not read the configuration (next build does that). */
export function logger(): pino.Logger {
  instance ??= pino({ level: env().LOG_LEVEL, base: { app: 'sejour' } });
  return instance;
}
