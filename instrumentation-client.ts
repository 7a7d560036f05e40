import { z } from 'zod';

// Runs in the browser before the app's own code (Next's instrumentation-client). Zod 4 compiles object parsers
// with `new Function` after probing whether eval is allowed; our Content-Security-Policy forbids eval, and although
// Zod catches the refusal, the browser reports the probe as a CSP violation on every page whose client code builds
// a schema (the task form, the import mapping). Jitless parsing skips the probe.
z.config({ jitless: true });
