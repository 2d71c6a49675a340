// npm run dev: WXT's development mode, which opens a browser with the extension loaded. Without a
// display that fails deep inside the browser runner (a CDP stack trace, and a temporary profile left
// behind), so this says so in one sentence and starts WXT without opening a browser instead: it
// still builds and rebuilds .output/<browser>-dev for loading by hand.
import { spawn } from 'node:child_process';

const args = process.argv.slice(2);
const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const env = { ...process.env };
if (!hasDisplay) {
  const browser = args.includes('-b') ? args[args.indexOf('-b') + 1] : 'chrome';
  console.log(
    `No display here, so no browser is opened: WXT builds .output/${browser}-${browser === 'firefox' ? 'mv2' : 'mv3'}-dev and rebuilds it on every change; load that folder in the browser by hand.`,
  );
  env.TIFA_NO_BROWSER = '1';
}
const child = spawn('npx', ['wxt', ...args], { stdio: 'inherit', env });
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
