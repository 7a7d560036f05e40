import pg from 'pg';

export async function adminQuery(baseUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

export function dropDatabase(baseUrl: string, name: string): Promise<void> {
  return adminQuery(baseUrl, `DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`);
}

export function cloneDatabase(baseUrl: string, template: string, name: string): Promise<void> {
  return adminQuery(baseUrl, `CREATE DATABASE ${quote(name)} TEMPLATE ${quote(template)}`);
}
