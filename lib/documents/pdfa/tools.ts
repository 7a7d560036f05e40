import { execFile } from 'node:child_process';
import { access, readdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';

// J-Box only accepts PDF/A (or ODT), so the packet depends on two Debian tools that may be absent on a
// small server. We probe them once per process so the UI can say what to install before a lawyer uploads.

const run = promisify(execFile);

export type ConversionTools = { ghostscript: string | null; libreoffice: string | null };
export type ConversionToolPaths = { ghostscript: string; libreoffice: string };

const probes = new Map<string, Promise<string | null>>();

function probe(command: string): Promise<string | null> {
  let pending = probes.get(command);
  if (!pending) {
    // `soffice --version` takes ~0.3 s, `gs --version` ~10 ms; either failing means "not usable".
    pending = run(command, ['--version'], { timeout: 15_000, killSignal: 'SIGKILL' }).then(
      () => command,
      () => null,
    );
    probes.set(command, pending);
  }
  return pending;
}

/** Resolves each configured tool to its command, or null when it does not run. Cached per command. */
export async function detectConversionTools(paths?: Partial<ConversionToolPaths>): Promise<ConversionTools> {
  const ghostscript = paths?.ghostscript ?? env().GHOSTSCRIPT_PATH;
  const libreoffice = paths?.libreoffice ?? env().LIBREOFFICE_PATH;
  const [gs, lo] = await Promise.all([probe(ghostscript), probe(libreoffice)]);
  return { ghostscript: gs, libreoffice: lo };
}

const MISSING = {
  ghostscript: { key: 'appeals.convert.missingGhostscript', install: 'apt-get install ghostscript' },
  libreoffice: { key: 'appeals.convert.missingLibreOffice', install: 'apt-get install libreoffice-writer-nogui' },
  both: { key: 'appeals.convert.missingTools', install: 'apt-get install ghostscript libreoffice-writer-nogui' },
} as const;

export function missingToolsError(need: 'ghostscript' | 'libreoffice' | 'both'): AppError {
  const { key, install } = MISSING[need];
  return new AppError('UNAVAILABLE', {
    message: `PDF/A conversion needs ${need === 'both' ? 'Ghostscript and LibreOffice' : need}; install it with: ${install} (or set GHOSTSCRIPT_PATH / LIBREOFFICE_PATH)`,
    userMessage: key,
    details: { need, install },
  });
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

/** Ghostscript's library search path, e.g. /usr/share/ghostscript/10.00.0/lib, as printed by `gs -h`. */
async function searchPath(gs: string): Promise<string[]> {
  const { stdout } = await run(gs, ['-h'], { timeout: 15_000 }).catch(() => ({ stdout: '' }));
  const block = stdout.split(/Search path:/)[1]?.split(/\n\S/)[0] ?? '';
  return block
    .split(/[:\n]/)
    .map((entry) => entry.trim())
    .filter((entry) => entry.startsWith('/'));
}

async function versionedDirs(root: string): Promise<string[]> {
  const names = await readdir(root).catch(() => [] as string[]);
  return names.filter((name) => /^\d/.test(name)).map((name) => path.join(root, name));
}

const iccProfiles = new Map<string, Promise<string | null>>();

/**
 * Ghostscript's own sRGB profile, needed as the PDF/A OutputIntent. Its directory carries the version
 * (10.00.0 on bookworm), so we derive it from gs's search path rather than hard-coding it.
 */
export function findSrgbProfile(gs: string): Promise<string | null> {
  let pending = iccProfiles.get(gs);
  if (!pending) {
    pending = (async () => {
      const roots = new Set<string>();
      for (const dir of await searchPath(gs)) {
        // Entries look like <root>/lib or <root>/Resource/Init; iccprofiles sits beside lib.
        roots.add(path.resolve(dir, '..'));
        roots.add(path.resolve(dir, '..', '..'));
      }
      for (const base of ['/usr/share/ghostscript', '/usr/local/share/ghostscript']) {
        for (const dir of await versionedDirs(base)) roots.add(dir);
      }
      for (const name of ['srgb.icc', 'default_rgb.icc']) {
        for (const root of roots) {
          const candidate = path.join(root, 'iccprofiles', name);
          if (await exists(candidate)) return candidate;
        }
      }
      return null;
    })();
    iccProfiles.set(gs, pending);
  }
  return pending;
}
