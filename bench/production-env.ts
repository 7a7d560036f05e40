import { PRODUCTION_PROCESS_ENV, webNodeOptions } from '../lib/dev/production-processes';

// The benchmarks run the web server as production does: with the environment `npm start` gives it (heap limit,
// preloads, malloc arenas), from the module npm start reads, so that a change there is what gets measured.

export function productionStartEnv(): Record<string, string> {
  return { ...PRODUCTION_PROCESS_ENV, NODE_OPTIONS: webNodeOptions() };
}
