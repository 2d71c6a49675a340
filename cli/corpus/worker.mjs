// The entry of a `tifa corpus` worker thread. A worker does not inherit the loader hooks that let
// its parent run TypeScript (bin/tifa.mjs registers tsx, vitest has its own), so it registers tsx
// itself before loading the worker's code.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
