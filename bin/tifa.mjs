#!/usr/bin/env node
// Launcher for the `tifa` CLI: runs the TypeScript source through tsx, so the CLI always matches
// the code and the compiled data in this checkout.
import { register } from 'tsx/esm/api';

register();
// A reader that stops early (`tifa annotate page.html | head -1`) closes the pipe by choice; that is
// no failure, so the command stops writing and ends quietly, with success.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  process.stderr.write(`tifa: cannot write the output: ${error.message}\n`);
  process.exit(1);
});
const { main } = await import('../cli/tifa.ts');
const io = {
  async readStdin() {
    const chunks = [];
    for await (const chunk of process.stdin) chunks.push(chunk);
    return Buffer.concat(chunks);
  },
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  // tifa corpus - reads documents as they arrive, and draws its progress only on a terminal.
  stdin: process.stdin,
  errIsTerminal: process.stderr.isTTY === true,
};
process.exitCode = await main(process.argv.slice(2), io);
