import { createHash } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Enterprise policy for Debian's Chromium, through its real policy directory: Chromium reads every
 * JSON file in it at start (and watches it), as an organisation's policy. Writing there needs root;
 * the file is machine-wide, so tests remove it as soon as they are done.
 */
export const CHROMIUM_POLICY_DIR = '/etc/chromium/policies/managed';

/** Chrome's id for an extension whose manifest carries `key`: SHA-256 of the DER key, 32 hex digits as a–p. */
export function extensionIdOfKey(keyBase64: string): string {
  const hex = createHash('sha256').update(Buffer.from(keyBase64, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode('a'.charCodeAt(0) + Number.parseInt(c, 16))).join('');
}

/** Why policies cannot be written here (e.g. not root), or null when they can. */
export function policyDirProblem(): string | null {
  try {
    // One level at a time: Node's recursive mkdir can spin forever where mkdir says ENOENT for a
    // parent that exists (e.g. under /proc).
    let dir = '';
    for (const part of CHROMIUM_POLICY_DIR.split('/').filter(Boolean)) {
      dir += `/${part}`;
      if (!existsSync(dir)) mkdirSync(dir);
    }
    accessSync(CHROMIUM_POLICY_DIR, constants.W_OK);
    return null;
  } catch (e) {
    return `${CHROMIUM_POLICY_DIR} is not writable (${(e as NodeJS.ErrnoException).code ?? e}); run as root to test policies`;
  }
}

/** A policy file in Chromium's directory, setting an extension's `storage.managed` values. */
export class ExtensionPolicyFile {
  readonly path: string;
  private removeOnExit = () => this.remove();

  constructor(name: string) {
    this.path = join(CHROMIUM_POLICY_DIR, name);
  }

  /** Writes `{"3rdparty": {"extensions": {<id>: values}}}`; removed again if the process exits first. */
  write(extensionId: string, values: Record<string, unknown>): void {
    writeFileSync(this.path, JSON.stringify({ '3rdparty': { extensions: { [extensionId]: values } } }, null, 2));
    process.once('exit', this.removeOnExit);
  }

  remove(): void {
    process.off('exit', this.removeOnExit);
    if (existsSync(this.path)) rmSync(this.path, { force: true });
  }
}
