// A server for tests/unit/render-limit.test.ts, started with scripts/render-limit.mjs preloaded: each request
// to /work/<name> is held open until the test releases it; /_next/static/* (never queued) are the test's controls.
import http from 'node:http';

const held = [];
const rendered = [];
let active = 0;
let most = 0;
let open = 0;

const server = http.createServer((req, res) => {
  const url = req.url ?? '';
  if (url === '/_next/static/stats') return res.end(JSON.stringify({ active, most, rendered, open }));
  if (url === '/_next/static/release') {
    const next = held.shift();
    if (next) {
      active -= 1;
      next.end('done');
    }
    return res.end(String(Boolean(next)));
  }
  active += 1;
  most = Math.max(most, active);
  rendered.push(url.replace('/work/', ''));
  held.push(res);
});
server.on('connection', (socket) => {
  open += 1;
  socket.on('close', () => (open -= 1));
});
server.listen(0, '127.0.0.1', () => console.log(`port ${server.address().port}`));
