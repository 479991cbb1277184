import { chromium } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';

// `npm start` as the README promises it (issue #7): WXT's dev server builds the extension and its
// runner (web-ext) opens Debian's Chromium with it, where the background opens the practice page
// on install. Chromium gets a real window on a private Xvfb display, and a remote-debugging port
// (through TACTFUL_CHROMIUM_DEBUGGING_PORT, read by wxt.config.ts) so the test can see its tabs.
//
// Processes: npm, sh and WXT run in their own process group (detached). web-ext starts Chromium
// in a second group of its own, found through its command line (which holds the test's port).
// Ctrl+C (SIGINT to npm's group) must close both; whatever is still alive afterwards is killed.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Build, browser launch and first paint on a busy 2-core machine take about 10 s. */
const PRACTICE_PAGE_DEADLINE_MS = 60_000;
const SHUTDOWN_DEADLINE_MS = 20_000;
const POLL_INTERVAL_MS = 200;

interface StartedDevSession {
  npm: ChildProcess;
  debuggingPort: number;
  /**
   * The temporary profiles web-ext made for Chromium. Removed after the test: web-ext leaves them
   * behind when Ctrl+C ends it, and when it is killed.
   */
  chromiumProfiles: Set<string>;
  /** npm's and WXT's output, to explain a failure. */
  output: () => string;
}

let xvfb: { display: string; stop(): Promise<void> } | undefined;
let session: StartedDevSession | undefined;

beforeEach(async () => {
  xvfb = await startXvfb();
});

afterEach(async () => {
  if (session) await forceStop(session);
  session = undefined;
  await xvfb?.stop();
  xvfb = undefined;
});

describe('npm start', () => {
  test('opens Chromium with the extension on its practice page, and Ctrl+C closes it', {
    timeout: 120_000,
  }, async () => {
    const started = await startDevSession(xvfb!.display);
    session = started;

    const practiceUrl = await waitFor(
      async () => {
        if (started.npm.exitCode !== null || started.npm.signalCode !== null) {
          throw new Error(`npm start exited before Chromium showed the practice page:\n${started.output()}`);
        }
        const targets = await listDebuggingTargets(started.debuggingPort);
        return targets.find((t) => t.type === 'page' && /^chrome-extension:\/\/[a-p]{32}\/practice\.html$/.test(t.url))
          ?.url;
      },
      PRACTICE_PAGE_DEADLINE_MS,
      () => `Chromium showing the practice page after npm start. Output so far:\n${started.output()}`,
    );

    // The page is served by the dev build: it has loaded once Preact rendered it and the engine
    // scored the prefilled example.
    const browser = await chromium.connectOverCDP(`http://127.0.0.1:${started.debuggingPort}`);
    try {
      const page = browser
        .contexts()
        .flatMap((c) => c.pages())
        .find((p) => p.url() === practiceUrl);
      expect(page, practiceUrl).toBeDefined();
      await page!.getByRole('heading', { level: 1, name: 'Tactful practice' }).waitFor();
      await page!.waitForFunction(() => /^\d+$/.test(document.querySelector('#score')?.textContent ?? ''));
    } finally {
      await browser.close(); // disconnects; the browser belongs to WXT
    }

    // Ctrl+C in the terminal: the dev server stops and takes its Chromium with it.
    const groups = processGroupsOf(started);
    rememberChromiumProfiles(started);
    process.kill(-started.npm.pid!, 'SIGINT');
    await waitFor(
      () => groups.every((group) => livingProcessesIn(group).length === 0) || undefined,
      SHUTDOWN_DEADLINE_MS,
      () => `npm start and its Chromium to exit after Ctrl+C. Still running:\n${describeProcesses(groups)}`,
    );
  });
});

/** Runs `npm start` in its own process group, on a free dev-server port and a display. */
async function startDevSession(display: string): Promise<StartedDevSession> {
  // Ports from the OS, so they collide neither with WXT's default 3000 nor with the fixture
  // server the other e2e tests start on a port of their own.
  const devServerPort = await freePort();
  const debuggingPort = await freePort();
  const npm = spawn('npm', ['start', '--', '--port', String(devServerPort)], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...terminalEnvironment(), DISPLAY: display, TACTFUL_CHROMIUM_DEBUGGING_PORT: String(debuggingPort) },
  });
  let output = '';
  npm.stdout!.on('data', (chunk) => {
    output += chunk;
  });
  npm.stderr!.on('data', (chunk) => {
    output += chunk;
  });
  await new Promise<void>((resolve, reject) => {
    npm.once('spawn', resolve);
    npm.once('error', reject);
  });
  return { npm, debuggingPort, chromiumProfiles: new Set(), output: () => output.slice(-4000) };
}

/**
 * The environment a terminal gives `npm start`: without the variables vitest sets for its workers
 * (NODE_ENV=test, VITEST, MODE, …), which would put WXT's logger and Vite's build in test mode.
 */
function terminalEnvironment(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key.startsWith('VITEST')) delete env[key];
  }
  for (const key of ['TEST', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL', 'FORCE_TTY']) delete env[key];
  if (env.NODE_ENV === 'test') delete env.NODE_ENV;
  return env;
}

/**
 * Kills whatever of the session is still running (after a failure, or a Ctrl+C that did not
 * work), then removes Chromium's temporary profile.
 */
async function forceStop(started: StartedDevSession): Promise<void> {
  const groups = processGroupsOf(started);
  rememberChromiumProfiles(started);
  for (const group of groups) {
    if (livingProcessesIn(group).length > 0) process.kill(-group, 'SIGKILL');
  }
  await waitFor(
    () => groups.every((group) => livingProcessesIn(group).length === 0) || undefined,
    SHUTDOWN_DEADLINE_MS,
    () => `the killed processes to exit. Still running:\n${describeProcesses(groups)}`,
  );
  for (const profile of started.chromiumProfiles) await rm(profile, { recursive: true, force: true });
}

function rememberChromiumProfiles(started: StartedDevSession): void {
  for (const browser of chromiumBrowserProcesses(started.debuggingPort)) {
    for (const arg of browser.cmdline) {
      if (arg.startsWith('--user-data-dir=')) started.chromiumProfiles.add(arg.slice('--user-data-dir='.length));
    }
  }
}

/** npm's process group and that of the Chromium web-ext launched (chrome-launcher detaches it). */
function processGroupsOf(started: StartedDevSession): number[] {
  const groups = new Set([started.npm.pid!]);
  for (const browser of chromiumBrowserProcesses(started.debuggingPort)) groups.add(browser.pgid);
  return [...groups];
}

interface DebuggingTarget {
  type: string;
  url: string;
}

/** Chromium's list of tabs and workers; empty while it is not yet listening. */
async function listDebuggingTargets(port: number): Promise<DebuggingTarget[]> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/json/list`);
    return response.ok ? ((await response.json()) as DebuggingTarget[]) : [];
  } catch {
    return []; // connection refused: Chromium has not started yet
  }
}

/** Calls `check` until it returns a value, or fails after `deadlineMs` saying what it waited for. */
async function waitFor<T>(
  check: () => T | undefined | Promise<T | undefined>,
  deadlineMs: number,
  waitingFor: () => string,
): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${deadlineMs / 1000} s waiting for ${waitingFor()}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Starts Xvfb on a display it picks itself (-displayfd writes the number once it listens), so
 * the test never guesses a free display number nor waits for a socket to appear.
 */
async function startXvfb(): Promise<{ display: string; stop(): Promise<void> }> {
  const server = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  server.stderr!.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  const displayNumber = await new Promise<string>((resolve, reject) => {
    let written = '';
    server.stdio[3]!.on('data', (chunk) => {
      written += chunk;
      if (written.endsWith('\n')) resolve(written.trim());
    });
    server.once('error', (error) =>
      reject(new Error(`Cannot run Xvfb (Debian package xvfb): ${error.message}`, { cause: error })),
    );
    server.once('exit', (code) => reject(new Error(`Xvfb exited with ${code} before choosing a display:\n${stderr}`)));
  });
  return {
    display: `:${displayNumber}`,
    async stop() {
      if (server.exitCode === null && server.signalCode === null) server.kill('SIGTERM');
      await exited;
    },
  };
}

interface ProcessInfo {
  pid: number;
  pgid: number;
  cmdline: string[];
}

/**
 * Living processes from /proc (zombies left out: nothing may reap a re-parented Chromium in a
 * container, and a zombie holds nothing).
 */
function livingProcesses(): ProcessInfo[] {
  const processes: ProcessInfo[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // "pid (comm) state ppid pgrp …"; comm may itself contain spaces and parentheses.
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (state === 'Z' || state === 'X') continue;
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      processes.push({ pid: Number(entry), pgid: Number(pgrp), cmdline });
    } catch {
      // the process ended while being read
    }
  }
  return processes;
}

function livingProcessesIn(group: number): ProcessInfo[] {
  return livingProcesses().filter((p) => p.pgid === group);
}

/** Chromium's browser process started for this test: the only one given the test's debugging port. */
function chromiumBrowserProcesses(debuggingPort: number): ProcessInfo[] {
  return livingProcesses().filter((p) => p.cmdline.includes(`--remote-debugging-port=${debuggingPort}`));
}

function describeProcesses(groups: number[]): string {
  return groups
    .flatMap(livingProcessesIn)
    .map((p) => `${p.pid} ${p.cmdline.join(' ').slice(0, 160)}`)
    .join('\n');
}
