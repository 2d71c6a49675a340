/**
 * The one way a failure is logged when it cannot be shown to the user: once per place and reason,
 * with the reason, so a page that fails the same way a thousand times does not flood its console.
 */
const seen = new Set<string>();

export function logOnce(where: string, reason: string, detail?: unknown): void {
  const key = `${where}: ${reason}`;
  if (seen.has(key)) return;
  seen.add(key);
  if (detail === undefined) console.warn(`Tifa Lens — ${key}`);
  else console.warn(`Tifa Lens — ${key}`, detail);
}
