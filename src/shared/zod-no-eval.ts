import { z } from 'zod';

// The add-in's and the workbench's pages forbid eval in their Content-Security-Policy. zod compiles
// fast parsers with `new Function` when it may, and probes for that as schemas are built, so this
// must run before any schema module is evaluated: each browser entry imports this file first.
z.config({ jitless: true });
