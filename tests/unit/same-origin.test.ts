import { describe, expect, it } from 'vitest';
import { checkSameOrigin, requestOrigin } from '@/lib/http/same-origin';

const request = (method: string, headers: Record<string, string>, url = 'http://127.0.0.1:3000/cases/abc') => ({ method, url, headers: new Headers(headers) });

describe('checkSameOrigin', () => {
  it('lets every read through, whatever its origin', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS']) expect(checkSameOrigin(request(method, { origin: 'https://evil.example' })).allowed).toBe(true);
  });

  it("lets a write from the app's own pages through", () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      expect(checkSameOrigin(request(method, { host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' })).allowed).toBe(true);
    }
  });

  it('refuses a write from another site, from a sandboxed frame and from a look-alike host', () => {
    for (const origin of ['https://evil.example', 'null', 'http://127.0.0.1:3001', 'https://127.0.0.1:3000', 'http://127.0.0.1:3000.evil.example', 'not a url']) {
      expect(checkSameOrigin(request('POST', { host: '127.0.0.1:3000', origin }))).toEqual({ allowed: false, reason: 'cross-origin' });
    }
  });

  it('without an Origin, trusts only a browser that says the request is same-origin', () => {
    expect(checkSameOrigin(request('POST', { host: '127.0.0.1:3000', 'sec-fetch-site': 'same-origin' })).allowed).toBe(true);
    for (const site of ['same-site', 'cross-site', 'none']) {
      expect(checkSameOrigin(request('POST', { host: '127.0.0.1:3000', 'sec-fetch-site': site }))).toEqual({ allowed: false, reason: 'no-origin' });
    }
    expect(checkSameOrigin(request('POST', { host: '127.0.0.1:3000' }))).toEqual({ allowed: false, reason: 'no-origin' });
  });

  it('behind a reverse proxy, compares with the forwarded host and protocol, as Auth.js does with trustHost', () => {
    const behind = { host: 'web:3000', 'x-forwarded-host': 'sejour.example.be', 'x-forwarded-proto': 'https' };
    expect(checkSameOrigin(request('POST', { ...behind, origin: 'https://sejour.example.be' }, 'http://web:3000/cases')).allowed).toBe(true);
    expect(checkSameOrigin(request('POST', { ...behind, origin: 'http://sejour.example.be' }, 'http://web:3000/cases')).allowed).toBe(false);
    expect(checkSameOrigin(request('POST', { ...behind, origin: 'http://web:3000' }, 'http://web:3000/cases')).allowed).toBe(false);
  });

  it('also accepts the configured public address (APP_URL), read only for a write from elsewhere', () => {
    let reads = 0;
    const trusted = () => {
      reads++;
      return ['https://sejour.example.be/'];
    };
    expect(checkSameOrigin(request('GET', { host: 'web:3000' }), trusted).allowed).toBe(true);
    expect(checkSameOrigin(request('POST', { host: 'web:3000', origin: 'http://web:3000' }, 'http://web:3000/'), trusted).allowed).toBe(true);
    expect(reads).toBe(0);
    expect(checkSameOrigin(request('POST', { host: 'web:3000', origin: 'https://sejour.example.be' }, 'http://web:3000/'), trusted).allowed).toBe(true);
    expect(checkSameOrigin(request('POST', { host: 'web:3000', origin: 'https://other.example.be' }, 'http://web:3000/'), trusted).allowed).toBe(false);
  });
});

describe('requestOrigin', () => {
  it('writes the origin as a browser does: lower case, default port left out, first of several forwarded values', () => {
    expect(requestOrigin({ url: 'http://x/', headers: new Headers({ host: 'Sejour.Example.be:80' }) })).toBe('http://sejour.example.be');
    expect(requestOrigin({ url: 'http://x/', headers: new Headers({ host: 'x', 'x-forwarded-host': 'a.example, b.example', 'x-forwarded-proto': 'https,http' }) })).toBe('https://a.example');
  });
});
