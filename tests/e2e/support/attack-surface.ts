import { readFileSync } from 'node:fs';
import path from 'node:path';

// The HTTP surface as the build knows it: every server action id (the server reference manifest) with the module
// and export it runs, and every page and route handler (the app paths manifest) as a URL pattern.

const NEXT = path.resolve('.next/server');

export type DiscoveredAction = { id: string; key: string; page: string };
export type DiscoveredRoute = { pattern: string; kind: 'page' | 'route' };

type ReferenceManifest = { node: Record<string, { workers: Record<string, unknown>; exportedName?: string; filename?: string }> };

/** `app/(app)/cases/[id]/case-actions.ts`, whatever the directory the build ran from. */
const sourcePath = (filename: string) => filename.match(/(?:^|\/)((?:app|lib|components)\/.*)$/)?.[1] ?? filename;

/** `/(app)/cases/[id]/page` → `/cases/[id]`. */
export const urlPattern = (appPath: string) => appPath.replace(/\/(page|route)$/, '').replace(/\/\([^)]+\)/g, '') || '/';

export function discoverActions(): DiscoveredAction[] {
  const manifest = JSON.parse(readFileSync(path.join(NEXT, 'server-reference-manifest.json'), 'utf8')) as ReferenceManifest;
  return Object.entries(manifest.node).map(([id, entry]) => {
    if (!entry.filename || !entry.exportedName) throw new Error(`server action ${id} has no filename/exportedName in the manifest`);
    // Any page that bundles the action can run it; the first is where the router would post it from.
    const worker = Object.keys(entry.workers).sort()[0]!;
    return { id, key: `${sourcePath(entry.filename)}#${entry.exportedName}`, page: urlPattern(`/${worker.replace(/^app\//, '')}`) };
  });
}

export function discoverRoutes(): DiscoveredRoute[] {
  const manifest = JSON.parse(readFileSync(path.join(NEXT, 'app-paths-manifest.json'), 'utf8')) as Record<string, string>;
  return Object.keys(manifest)
    .filter((appPath) => !appPath.startsWith('/_'))
    .map((appPath) => ({ pattern: urlPattern(appPath), kind: appPath.endsWith('/route') ? ('route' as const) : ('page' as const) }));
}

/** Fills `[id]`, `[...nextauth]` and the like from `params`; a segment without a value is an error. */
export function fillPattern(pattern: string, params: Record<string, string>): string {
  return pattern.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for [${name}] in ${pattern}`);
    return encodeURIComponent(value);
  });
}
