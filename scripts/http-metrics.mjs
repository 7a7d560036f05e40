// Preloaded into the web server (the image and e2e: node --import ./scripts/http-metrics.mjs ... next start):
// times every request into sejour_http_request_duration_seconds, which /api/metrics serves.
//
// `next start` owns its HTTP server, so, as scripts/render-limit.mjs does, this patches http.createServer before
// Next calls it. The timer is prepended to the server's 'request' listeners rather than wrapped around the one
// passed in: it then runs first whatever order the preloads come in, so a request's time includes its wait in
// render-limit's queue, which is what the person waiting sees.
import http from 'node:http';
import { createRouteLabeller, loadRoutes } from '../lib/metrics/route-label.mjs';
import { sharedMetrics } from '../lib/metrics/shared-metrics.mjs';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

const { httpRequestDuration } = sharedMetrics();
// Read once: a server serves the build it started with.
const routeLabel = createRouteLabeller(loadRoutes());

function timeRequest(req, res) {
  const end = httpRequestDuration.startTimer();
  // Taken now: the app may rewrite req.url while it handles the request.
  const url = req.url;
  // 'close' comes for every response, finished or abandoned by the client half way.
  res.once('close', () => {
    end({ method: METHODS.has(req.method) ? req.method : 'OTHER', route: routeLabel(url), status: String(res.statusCode) });
  });
}

const createServer = http.createServer;
http.createServer = function (...args) {
  const server = createServer.apply(this, args);
  server.prependListener('request', timeRequest);
  return server;
};
