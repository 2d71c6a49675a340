/**
 * A copy of the built extension whose manifest grants some sites at install. The PDF viewer reads a
 * document, and opens PDFs automatically, only on sites the reader allowed through the browser's
 * permission prompt, which no test driver can answer (Playwright and WebDriver BiDi have no handle on
 * it). Tests that need a site allowed run this copy: the same build, with those sites made required
 * instead of optional.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function extensionWithSites(builtDir: string, sites: readonly string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'tifa-sites-'));
  cpSync(builtDir, dir, { recursive: true });
  const path = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8'));
  if (manifest.manifest_version === 3) manifest.host_permissions = [...(manifest.host_permissions ?? []), ...sites];
  else manifest.permissions = [...(manifest.permissions ?? []), ...sites];
  writeFileSync(path, JSON.stringify(manifest, null, 2));
  return dir;
}
