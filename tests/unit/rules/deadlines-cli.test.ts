import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runDeadlinesCommand } from '@/lib/rules/deadlines-cli';

const EXAMPLE = {
  citizenship: 'NON_EU',
  stay: 'LONG',
  arrivedOn: '2026-07-13',
  decision: { outcome: 'REFUSED', notifiedOn: '2026-10-02', regime: 'ORDINARY', statedPeriodDays: 15 },
  card: { type: 'A', validUntil: '2027-07-12' },
  legalResidenceSince: '2021-06-01',
  birthDate: '1990-04-02',
};

const run = (input: unknown) => runDeadlinesCommand(typeof input === 'string' ? input : JSON.stringify(input));

describe('deadlines command (in process)', () => {
  it('prints only the contract fields, one entry per deadline', () => {
    const result = run({ ...EXAMPLE, decision: { ...EXAMPLE.decision, statedPeriodDays: undefined } });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('');
    const output = JSON.parse(result.stdout) as Record<string, unknown>[];
    expect(output.map((entry) => [entry.kind, entry.dueOn, entry.opensOn ?? null, entry.confidence])).toEqual([
      ['LONG_TERM_RESIDENCE_ELIGIBLE', '2026-06-01', null, 'H'],
      ['NATIONALITY_ELIGIBLE', '2026-06-01', null, 'M'],
      ['REGISTRATION', '2026-07-24', null, 'M'],
      ['APPEAL', '2026-11-02', null, 'H'],
      ['RENEWAL_WINDOW', '2027-06-11', '2027-05-28', 'L'],
      ['CARD_EXPIRY', '2027-07-12', null, 'H'],
    ]);
    for (const entry of output) {
      expect(Object.keys(entry).sort()).toEqual(entry.opensOn ? ['basis', 'confidence', 'dueOn', 'kind', 'opensOn'] : ['basis', 'confidence', 'dueOn', 'kind']);
    }
  });

  it('uses the stated period of the decision', () => {
    const output = JSON.parse(run(EXAMPLE).stdout) as { kind: string; dueOn: string }[];
    expect(output.find((entry) => entry.kind === 'APPEAL')?.dueOn).toBe('2026-10-19');
  });

  it('maps legacy card letters', () => {
    const output = JSON.parse(run({ citizenship: 'NON_EU', card: { type: 'C', validUntil: '2034-02-28' } }).stdout) as { kind: string; opensOn?: string }[];
    expect(output.map((entry) => entry.kind)).toEqual(['RENEWAL_WINDOW', 'CARD_EXPIRY']);
    expect(output[0]?.opensOn).toBe('2034-01-19');
    expect(JSON.parse(run({ citizenship: 'EU', card: { type: 'E+', validUntil: '2030-01-01' } }).stdout)).toHaveLength(1);
    expect(JSON.parse(run({ citizenship: 'EU', card: { type: 'EU+', validUntil: '2030-01-01' } }).stdout)).toHaveLength(1);
    expect(JSON.parse(run({ citizenship: 'EU', card: { type: 'F+', validUntil: '2030-01-01' } }).stdout)).toHaveLength(1);
  });

  it('prints an empty array when the facts give rise to nothing', () => {
    expect(run({ citizenship: 'EU' })).toEqual({ exitCode: 0, stdout: '[]\n', stderr: '' });
  });

  it('gives an appeal only for a refusal or withdrawal', () => {
    const approved = JSON.parse(run({ citizenship: 'EU', decision: { outcome: 'APPROVED', notifiedOn: '2026-10-02' } }).stdout);
    expect(approved).toEqual([]);
    const withdrawn = JSON.parse(run({ citizenship: 'EU', decision: { outcome: 'WITHDRAWN', notifiedOn: '2026-10-02', regime: 'DETAINED' } }).stdout);
    expect(withdrawn).toEqual([expect.objectContaining({ kind: 'APPEAL', dueOn: '2026-10-12' })]);
  });

  it('ignores fields outside the contract', () => {
    const result = run({ citizenship: 'NON_EU', movedOn: '2026-09-01', absences: [{ from: '2026-01-01' }], extra: true });
    expect(result).toEqual({ exitCode: 0, stdout: '[]\n', stderr: '' });
  });

  it.each([
    ['{}', 'invalid field: citizenship (missing)'],
    [{ citizenship: 'BE' }, 'invalid field: citizenship'],
    [{ citizenship: null }, 'invalid field: citizenship'],
    [{ citizenship: 'EU', stay: 'MEDIUM' }, 'invalid field: stay'],
    [{ citizenship: 'EU', arrivedOn: '2026-02-30' }, 'invalid field: arrivedOn'],
    [{ citizenship: 'EU', arrivedOn: '13/07/2026' }, 'invalid field: arrivedOn'],
    [{ citizenship: 'EU', decision: { notifiedOn: '2026-10-32' } }, 'invalid field: decision.notifiedOn'],
    [{ citizenship: 'EU', decision: { outcome: 'LOST' } }, 'invalid field: decision.outcome'],
    [{ citizenship: 'EU', decision: { regime: 'URGENT' } }, 'invalid field: decision.regime'],
    [{ citizenship: 'EU', decision: { statedPeriodDays: 0 } }, 'invalid field: decision.statedPeriodDays'],
    [{ citizenship: 'EU', decision: { statedPeriodDays: 7.5 } }, 'invalid field: decision.statedPeriodDays'],
    [{ citizenship: 'EU', decision: 'REFUSED' }, 'invalid field: decision'],
    [{ citizenship: 'EU', card: { type: 'Z', validUntil: '2027-01-01' } }, 'invalid field: card.type'],
    [{ citizenship: 'EU', card: { type: 'A', validUntil: '2027-02-29' } }, 'invalid field: card.validUntil'],
    [{ citizenship: 'EU', legalResidenceSince: 20210601 }, 'invalid field: legalResidenceSince'],
    [{ citizenship: 'EU', birthDate: '1990-4-2' }, 'invalid field: birthDate'],
    ['[]', 'invalid input: expected one JSON object'],
    ['null', 'invalid input: expected one JSON object'],
    ['"EU"', 'invalid input: expected one JSON object'],
  ])('bad input %j → exit 2, "%s"', (input, message) => {
    const result = run(input);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`${message}\n`);
  });

  it('reports malformed JSON on one line', () => {
    for (const text of ['', '{"citizenship": "EU",', '{\n"citizenship":\n}']) {
      const result = run(text);
      expect(result.exitCode).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^invalid JSON: [^\n]+\n$/);
    }
  });
});

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');

interface Spawned {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI as the contract does (stdin in, stdout/stderr out); async so several can run at once. */
function spawnCli(input: string, env: Record<string, string> = {}): Promise<Spawned> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, ['scripts/deadlines.ts'], { cwd: root, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('deadlines command (spawned, as the contract runs it)', { timeout: 60_000 }, () => {
  it('prints nothing but the JSON array, the same in every server time zone', async () => {
    const input = JSON.stringify({ ...EXAMPLE, decision: { outcome: 'REFUSED', notifiedOn: '2026-10-02', regime: 'ORDINARY' } });
    const zones = ['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles', 'Europe/Brussels'];
    const results = await Promise.all(zones.map((TZ) => spawnCli(input, { TZ })));
    const outputs = results.map((result, index) => {
      const TZ = zones[index];
      expect(result.status, TZ).toBe(0);
      expect(result.stderr, TZ).toBe('');
      expect(result.stdout.trim().startsWith('['), TZ).toBe(true);
      expect(result.stdout.trim().endsWith(']'), TZ).toBe(true);
      return result.stdout;
    });
    expect(new Set(outputs).size).toBe(1);
    const appeal = (JSON.parse(outputs[0]!) as { kind: string; dueOn: string }[]).find((entry) => entry.kind === 'APPEAL');
    expect(appeal?.dueOn).toBe('2026-11-02');
  });

  it('exits 2 with one line on stderr naming the field', async () => {
    const result = await spawnCli(JSON.stringify({ citizenship: 'EU', decision: { outcome: 'REFUSED', notifiedOn: '2026-13-01' } }));
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('invalid field: decision.notifiedOn\n');
  });

  it('exits 2 for input that is not JSON', async () => {
    const result = await spawnCli('citizenship=EU');
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('works through `npm run --silent deadlines`', () => {
    const result = spawnSync('npm', ['run', '--silent', 'deadlines'], {
      cwd: root,
      input: JSON.stringify({ citizenship: 'NON_EU', stay: 'SHORT', arrivedOn: '2026-07-17' }),
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([
      {
        kind: 'ARRIVAL_DECLARATION',
        dueOn: '2026-07-23',
        basis: 'Law 15/12/1980 art. 5; Annex 3: report to the commune within 3 working days of entry',
        confidence: 'H',
      },
    ]);
  });
});
