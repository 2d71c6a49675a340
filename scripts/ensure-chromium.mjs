// Real-browser tests and benchmarks drive Debian's Chromium (Playwright cannot download browsers
// here). Installs it with apt-get when missing and we are root; otherwise says what to run.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function hasCjkFont() {
  try {
    return execSync('fc-list :lang=zh family', { encoding: 'utf8' }).trim().length > 0;
  } catch {
    return false;
  }
}

if (!existsSync(CHROMIUM) || !hasCjkFont()) {
  if (process.getuid?.() !== 0) {
    console.error(`Chromium or a CJK font is missing: run  sudo apt-get install -y chromium fonts-noto-cjk`);
    process.exit(1);
  }
  console.log('Installing Debian chromium and fonts-noto-cjk …');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk', {
    stdio: 'inherit',
    shell: '/bin/bash',
  });
}
