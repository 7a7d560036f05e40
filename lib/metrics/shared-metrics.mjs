// The metrics the web process counts in memory, in one registry for the whole process. Two copies of this
// module run in a production server: the preload (scripts/http-metrics.mjs, loaded by Node before Next) and
// the one Next bundles into the server code (sign-in, /api/metrics). A module-level singleton would give each
// its own registry and /api/metrics would never see a request; globalThis is the one thing both share, so
// whichever loads first creates the registry and the other finds it.
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

const KEY = '__sejourMetrics';

function create() {
  const registry = new Registry();
  // Heap, event-loop lag, GC: the web server runs under a 160 MB heap cap, so how close it gets is worth seeing.
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpRequestDuration: new Histogram({
      name: 'sejour_http_request_duration_seconds',
      help: 'Time from a request arriving to its response finishing (queueing behind renders included), by route pattern',
      labelNames: ['method', 'route', 'status'],
      // From a static file (a few ms) to a large export (tens of seconds).
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    signInFailures: new Counter({
      name: 'sejour_sign_in_failures_total',
      help: 'Refused sign-ins: wrong password or unknown account, wrong second-factor code, throttled, unusable magic link',
      labelNames: ['reason'],
      registers: [registry],
    }),
  };
}

export function sharedMetrics() {
  globalThis[KEY] ??= create();
  return globalThis[KEY];
}
