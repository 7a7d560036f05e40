// A server for tests/unit/http-metrics.test.ts, started with the production preloads: it answers /cases... with
// 200, anything else with 404, and /_metrics with the process's shared registry, as /api/metrics would.
import http from 'node:http';
import { sharedMetrics } from '../../../lib/metrics/shared-metrics.mjs';

const server = http.createServer(async (req, res) => {
  if (req.url === '/_metrics') return res.end(await sharedMetrics().registry.metrics());
  res.statusCode = req.url?.startsWith('/cases') ? 200 : 404;
  res.end();
});
server.listen(0, '127.0.0.1', () => console.log(`port ${server.address().port}`));
