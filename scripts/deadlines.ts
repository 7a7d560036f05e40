import { runDeadlinesCommand } from '../lib/rules/deadlines-cli';

// `npm run --silent deadlines < facts.json`: reads one JSON object on stdin and prints the JSON array of
// deadlines (DOMAIN.md, "The deadline engine's command-line contract"). All logic is in lib/rules.

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

const result = runDeadlinesCommand(await readStdin());
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.exitCode;
