// The npm registry these machines reach lacks some platform builds (for example @next/swc-darwin-arm64 of the
// pinned Next), so `npm install` here leaves them out of package-lock.json, and `npm ci` then refuses the lock
// as out of sync. This adds the missing optional platform packages back, with the os/cpu/libc their names
// state, exactly as the full registry would have: npm skips them on other platforms and fetches them on theirs.
// Run after `npm install` changes the lockfile: node scripts/complete-lockfile.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const OS = ['darwin', 'linux', 'win32', 'android', 'freebsd', 'openbsd', 'netbsd', 'sunos', 'aix', 'openharmony'];
const CPU = { x64: 'x64', arm64: 'arm64', arm: 'arm', ia32: 'ia32', ppc64: 'ppc64', s390x: 's390x', riscv64: 'riscv64', loong64: 'loong64', wasm32: 'wasm32' };

function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  if (parts.includes('wasm32')) return { cpu: ['wasm32'] };
  const os = parts.find((part) => OS.includes(part));
  const cpu = parts.find((part) => part in CPU);
  if (!os || !cpu) return null;
  const platform = { os: [os], cpu: [CPU[cpu]] };
  if (os === 'linux' && parts.some((p) => p.startsWith('musl'))) platform.libc = ['musl'];
  else if (os === 'linux' && parts.some((p) => p.startsWith('gnu'))) platform.libc = ['glibc'];
  return platform;
}

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const added = [];
for (const [path, entry] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    const nested = path ? `${path}/node_modules/${name}` : key;
    if (lock.packages[key] || lock.packages[nested]) continue;
    const platform = platformOf(name);
    if (!platform || !/^\d+\.\d+\.\d+/.test(version)) continue;
    lock.packages[key] = { version, ...(entry.dev ? { dev: true } : {}), optional: true, ...platform };
    added.push(`${name}@${version}`);
  }
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
console.log(added.length ? `added ${added.length} platform package(s) to package-lock.json` : 'package-lock.json already complete');
