/** The e2e server's METRICS_TOKEN, shared by the server (support/server.ts) and tests/e2e/metrics.spec.ts. */
export const E2E_METRICS_TOKEN = 'e2e-metrics-token-0123456789abcdef';
