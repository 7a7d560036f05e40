import { readFileSync } from 'node:fs';

// The benchmarks run the web server as production does: with the environment `npm start` sets (heap limit,
// malloc arenas), read from package.json so that a change there is what gets measured.

/** The VAR=value assignments that lead package.json's "start" script, e.g. { MALLOC_ARENA_MAX: '2', NODE_OPTIONS: '…' }. */
export function productionStartEnv(): Record<string, string> {
  const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
  const env: Record<string, string> = {};
  const assignment = /^\s*([A-Z_][A-Z0-9_]*)=('([^']*)'|"([^"]*)"|(\S*))/;
  let rest = scripts.start ?? '';
  for (let match = assignment.exec(rest); match; match = assignment.exec(rest)) {
    env[match[1]!] = match[3] ?? match[4] ?? match[5] ?? '';
    rest = rest.slice(match[0].length);
  }
  return env;
}
