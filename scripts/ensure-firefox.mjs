// The Firefox tests drive Debian's firefox-esr (Puppeteer does not download browsers here).
// Installs it with apt-get when missing and we are root; otherwise says what to run.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

function hasCjkFont() {
  try {
    return execSync('fc-list :lang=zh family', { encoding: 'utf8' }).trim().length > 0;
  } catch {
    return false;
  }
}

if (!existsSync(FIREFOX) || !hasCjkFont()) {
  if (process.getuid?.() !== 0) {
    console.error('Firefox ESR or a CJK font is missing: run  sudo apt-get install -y firefox-esr fonts-noto-cjk');
    process.exit(1);
  }
  console.log('Installing Debian firefox-esr and fonts-noto-cjk …');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq firefox-esr fonts-noto-cjk', {
    stdio: 'inherit',
    shell: '/bin/bash',
  });
}

// The add-on declares strict_min_version 140 (the CSS Custom Highlight API): an older ESR would
// refuse to install it.
const version = execSync(`${FIREFOX} --version`, { encoding: 'utf8' }).match(/(\d+)\.\d+/);
if (!version || Number(version[1]) < 140) {
  console.error(`${FIREFOX} is ${version?.[0] ?? 'of an unknown version'}; Tifa Lens needs Firefox 140 or later.`);
  process.exit(1);
}
