/**
 * Helpers for the chat's browser tests: operator accounts made with the server's own
 * `operator:add` command, and an operator on a real socket (Node socket.io-client) for tests
 * that only need someone available or accepting. Accounts go where the server under test reads
 * them (OPERATORS_FILE, default .data/operators.json); the same usernames are reused each run.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { expect, type Page } from '@playwright/test';
import { io, type Socket } from 'socket.io-client';
import type { Ack, OperatorClientEvents, OperatorServerEvents } from '../../chat-server/src/protocol';
import { uiStrings } from '../../site/i18n/ui';
import { OPERATOR_ADD_CLI } from '../support/server-build';

export interface OperatorAccount {
  username: string;
  password: string;
}

/**
 * Creates (or resets the password of) an operator account with the compiled `operator:add` CLI.
 * `languages` (issue 14): the languages the operator chats in (default Dutch only).
 */
export function createOperator(
  username: string,
  role: 'operator' | 'supervisor' = 'operator',
  name = 'Sanne',
  languages: string[] = ['nl'],
): OperatorAccount {
  const password = randomBytes(18).toString('base64url');
  const args = ['--username', username, '--role', role, '--name', name, '--languages', languages.join(',')];
  execFileSync(process.execPath, [OPERATOR_ADD_CLI, ...args], {
    input: password,
    stdio: ['pipe', 'ignore', 'inherit'],
  });
  return { username, password };
}

/** Logs in over HTTP like the console does and returns the session cookie. */
export async function loginCookie(baseURL: string, account: OperatorAccount): Promise<string> {
  const response = await fetch(new URL('/api/operator/login', baseURL), {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: new URL(baseURL).origin },
    body: JSON.stringify(account),
  });
  if (!response.ok) throw new Error(`login failed: ${response.status}`);
  const cookie = response.headers.get('set-cookie');
  if (!cookie) throw new Error('login set no cookie');
  return cookie.split(';')[0]!;
}

export type OperatorSocket = Socket<OperatorServerEvents, OperatorClientEvents>;

/** An operator connected over a real socket and set to available. */
export async function availableOperator(baseURL: string, account: OperatorAccount): Promise<OperatorSocket> {
  const cookie = await loginCookie(baseURL, account);
  const socket: OperatorSocket = io(new URL('/operator', baseURL).href, {
    path: '/socket.io',
    transports: ['websocket'],
    // Its own connection: socket.io-client would otherwise reuse a cached connection to this
    // host, opened earlier in this worker without this cookie (a visitor's), and be refused.
    forceNew: true,
    extraHeaders: { cookie, origin: new URL(baseURL).origin },
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const ack = await socket.timeout(5000).emitWithAck('operator:status', { status: 'available' });
  if (!ack.ok) throw new Error(`status: ${ack.error}`);
  return socket;
}

/** Accepts the waiting conversation for which `match` is true; resolves with its id. */
export async function acceptWhere(
  socket: OperatorSocket,
  match: (waiting: { lang: string; municipality?: string; theme?: string }) => boolean,
): Promise<string> {
  for (let attempt = 0; attempt < 30; attempt++) {
    const snapshot = new Promise<Parameters<OperatorServerEvents['queue:snapshot']>[0] | null>((resolve) => {
      socket.once('queue:snapshot', resolve);
      setTimeout(() => resolve(null), 1000);
    });
    // Setting the status again makes the server send a fresh snapshot.
    socket.emit('operator:status', { status: 'available' }, () => undefined);
    const row = (await snapshot)?.waiting.find(match);
    if (row) {
      const ack = (await socket.timeout(5000).emitWithAck('operator:accept', {
        conversationId: row.conversationId,
      })) as Ack<unknown>;
      if (ack.ok) return row.conversationId;
    }
  }
  throw new Error('no matching conversation was waiting');
}

const consoleText = uiStrings('nl');

/** Logs in to the console at /medewerkers/ in `page`, as a person does (the form). */
export async function consoleLogIn(page: Page, account: OperatorAccount): Promise<void> {
  await page.goto('/medewerkers/');
  await page.getByLabel(consoleText['chat.console.login.username']).fill(account.username);
  await page.getByLabel(consoleText['chat.console.login.password']).fill(account.password);
  await page.getByRole('button', { name: consoleText['chat.console.login.submit'] }).click();
}

/** Logs in to the console and becomes available, once its socket is up; returns the status toggle. */
export async function consoleAvailable(page: Page, account: OperatorAccount) {
  await consoleLogIn(page, account);
  await expect(page.locator('.console[data-connection="connected"]')).toBeVisible();
  const toggle = page.getByRole('button', { name: consoleText['chat.console.status.toggle'] });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  return toggle;
}
