import { createHash } from 'node:crypto';
import { Transform } from 'node:stream';

/** Passes bytes through and keeps their SHA-256, their count and their line count (one line per COPY row). */
export function measureStream() {
  const hash = createHash('sha256');
  const result = { bytes: 0, lines: 0, sha256: '' };
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      result.bytes += chunk.length;
      for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) result.lines++;
      done(null, chunk);
    },
    flush(done) {
      result.sha256 = hash.digest('hex');
      done();
    },
  });
  return { stream, result };
}
