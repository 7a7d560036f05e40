import { fieldKeySettings } from '../lib/crypto/field-keys';
import { PRODUCTION_PROCESS_ENV, webNodeOptions } from '../lib/dev/production-processes';
import { fieldKeys } from '../lib/env';

// The benchmarks run the web server as production does: with the environment `npm start` gives it (heap limit,
// preloads, malloc arenas), from the module npm start reads, so that a change there is what gets measured.

export function productionStartEnv(): Record<string, string> {
  return { ...PRODUCTION_PROCESS_ENV, NODE_OPTIONS: webNodeOptions(), ...productionKeys() };
}

/** Production requires the identity-number keys: this process's own, so the server reads what the bench seeded. */
export const productionKeys = () => fieldKeySettings(fieldKeys());
