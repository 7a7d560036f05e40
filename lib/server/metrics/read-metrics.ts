import { createHash, timingSafeEqual } from 'node:crypto';
import { Gauge, Registry } from 'prom-client';
import { getDb } from '@/lib/db';
import { env } from '@/lib/env';
import { logger } from '@/lib/logger';
import { sharedMetrics } from '@/lib/metrics/shared-metrics.mjs';
import { databaseMetrics } from './database-metrics';

export type MetricsResponse = { status: 200; contentType: string; body: string } | { status: 401 } | { status: 404 };

/** Compared as hashes: equal lengths for timingSafeEqual, and the time says nothing about the token's length. */
function tokenMatches(expected: string, authorization: string | null): boolean {
  const given = /^Bearer (.+)$/.exec(authorization ?? '')?.[1] ?? '';
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * /api/metrics: this process's metrics (requests, sign-in failures, Node) and the database's (outbox, worker,
 * backups), in Prometheus' text format, for a scraper holding METRICS_TOKEN. Without a token configured the
 * endpoint does not exist (404); a missing or wrong token is 401. Only counts and times, never about a firm.
 * With the database down the scrape still answers, with sejour_database_up 0, so the outage is what alerts.
 */
export async function readMetrics({ authorization, now = new Date() }: { authorization: string | null; now?: Date }): Promise<MetricsResponse> {
  const token = env().METRICS_TOKEN;
  if (!token) return { status: 404 };
  if (!tokenMatches(token, authorization)) return { status: 401 };

  const { registry } = sharedMetrics();
  const database = await databaseMetrics(getDb(), now).catch((error: unknown) => {
    logger().warn({ err: error }, 'metrics: database not read');
    return null;
  });
  const up = new Registry();
  new Gauge({ name: 'sejour_database_up', help: 'Whether the database answered this scrape', registers: [up] }).set(database ? 1 : 0);
  // Separate registries whose metric names never overlap, so their texts simply follow one another.
  const parts = await Promise.all([registry.metrics(), up.metrics(), database?.metrics() ?? '']);
  return { status: 200, contentType: registry.contentType, body: parts.join('\n') };
}
