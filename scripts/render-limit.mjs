// Preloaded into the web server (`npm start` and the image: node --import ./scripts/render-limit.mjs): at most
// RENDER_CONCURRENCY requests (default: one per CPU core) are handled at once; the rest wait their turn in
// arrival order.
//
// Why: a page render holds about 3 MB of heap until its response is written, so 32 concurrent requests need
// ~100 MB on top of the ~75 MB the server holds at rest. Under the 160 MB heap cap (which keeps the process
// under 300 MB RSS) bench:load's 32 connections ran the server out of memory; without the cap it grew past
// 500 MB. The renders are CPU-bound, so more of them at once than there are cores only adds garbage
// collection: on 2 cores, 2, 4 and 8 at a time all served 18-20 cases pages/s under 32 connections, with peak
// RSS 263, 285 and 283 MB.
//
// Next has no setting for this, and `next start` owns its HTTP server; wrapping http.createServer's request
// listener before Next creates the server is the one place every request passes through.
import http from 'node:http';
import os from 'node:os';
import pLimit from 'p-limit';

const concurrency = Number(process.env.RENDER_CONCURRENCY ?? os.availableParallelism());
// A request that holds its turn this long (a CSV export or a ZIP streaming to a slow client, a progress
// stream) gives it back: it keeps running, but cannot keep the next page waiting.
const HOLD_MS = 2_000;
// Built files are read from disk and cost nothing to speak of: a page's scripts must not queue behind renders.
const UNLIMITED = /^\/_next\/static\//;

const limit = pLimit(Number.isInteger(concurrency) && concurrency > 0 ? concurrency : os.availableParallelism());

function limited(listener) {
  return function (req, res) {
    if (UNLIMITED.test(req.url ?? '')) return listener.call(this, req, res);
    // Watched from arrival: a client that gave up while its request waited has nothing left to render, and
    // its 'close' has already been emitted by the time the request's turn comes.
    let closed = false;
    const gone = new Promise((resolve) => res.once('close', resolve)).then(() => (closed = true));
    return limit(() => {
      if (closed) return undefined;
      listener.call(this, req, res);
      return Promise.race([gone, new Promise((resolve) => setTimeout(resolve, HOLD_MS).unref())]);
    });
  };
}

const createServer = http.createServer;
http.createServer = function (...args) {
  const at = args.findIndex((arg) => typeof arg === 'function');
  if (at >= 0) args[at] = limited(args[at]);
  return createServer.apply(this, args);
};
