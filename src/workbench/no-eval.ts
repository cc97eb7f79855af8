import { z } from 'zod';

// The workbench page's Content-Security-Policy forbids eval. zod compiles fast parsers with
// `new Function` when it may, and probes for that as schemas are built, so this must run before
// any schema module is evaluated: index.tsx imports this file first.
z.config({ jitless: true });
