#!/usr/bin/env node
// Launcher for the `tifa` CLI: runs the TypeScript source through tsx, so the CLI always matches
// the code and the compiled data in this checkout.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/tifa.ts');
const io = {
  async readStdin() {
    const chunks = [];
    for await (const chunk of process.stdin) chunks.push(chunk);
    return Buffer.concat(chunks);
  },
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};
process.exitCode = await main(process.argv.slice(2), io);
