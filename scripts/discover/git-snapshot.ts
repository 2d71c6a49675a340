/**
 * Reading files at a pinned commit from the local bare snapshots of public repositories that the
 * session tool `fetch github:owner/name` lays out as `<mirror-root>/owner+name/repo`. Used by the
 * scripts that gather text for `tifa discover` (its reference table, its evaluation corpus), so
 * that what they read is the same on every run. No network access.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface Snapshot {
  /** owner/name on GitHub. */
  repo: string;
  commit: string;
}

function gitDir(mirrorRoot: string, repo: string): string {
  const base = join(mirrorRoot, repo.replace('/', '+'));
  for (const dir of [join(base, 'repo/.git'), join(base, 'repo')]) {
    if (existsSync(join(dir, 'objects'))) return dir;
  }
  throw new Error(`no snapshot of ${repo} under ${mirrorRoot}: fetch github:${repo}`);
}

function git(dir: string, args: string[]): string {
  return execFileSync('git', ['--git-dir', dir, '-c', 'core.quotePath=false', ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
}

/** Paths under `folder` at the snapshot's commit, sorted. */
export function listFiles(mirrorRoot: string, snapshot: Snapshot, folder: string): string[] {
  return git(gitDir(mirrorRoot, snapshot.repo), ['ls-tree', '-r', '--name-only', snapshot.commit, '--', folder])
    .split('\n')
    .filter(Boolean)
    .sort();
}

/** Paths under `folder` whose file holds `text`, sorted. */
export function filesContaining(mirrorRoot: string, snapshot: Snapshot, folder: string, text: string): string[] {
  return git(gitDir(mirrorRoot, snapshot.repo), ['grep', '-l', '-F', '-e', text, snapshot.commit, '--', folder])
    .split('\n')
    .filter(Boolean)
    .map((line) => line.slice(snapshot.commit.length + 1))
    .sort();
}

/** The files at `paths`, as UTF-8 text, read in one `git cat-file --batch`. */
export function readFiles(mirrorRoot: string, snapshot: Snapshot, paths: string[]): Map<string, string> {
  const input = paths.map((p) => `${snapshot.commit}:${p}`).join('\n');
  const out = execFileSync('git', ['--git-dir', gitDir(mirrorRoot, snapshot.repo), 'cat-file', '--batch'], { input, maxBuffer: 1 << 30 });
  const files = new Map<string, string>();
  let at = 0;
  for (const path of paths) {
    const headerEnd = out.indexOf(10, at);
    const header = out.toString('latin1', at, headerEnd).split(' ');
    if (header[1] === 'missing') throw new Error(`${snapshot.repo}@${snapshot.commit}: no file ${path}`);
    const size = Number(header[2]);
    files.set(path, out.toString('utf8', headerEnd + 1, headerEnd + 1 + size));
    at = headerEnd + 1 + size + 1;
  }
  return files;
}
