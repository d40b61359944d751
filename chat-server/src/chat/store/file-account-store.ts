/**
 * Operator accounts for the memory store: one JSON file (default .data/operators.json, which is
 * gitignored), read on every lookup so an account added with `operator:add` works without a
 * restart. Written atomically (temp file + rename) with mode 0600: it holds password hashes.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AccountStore, OperatorAccount } from './chat-store';

function readAccounts(path: string): Record<string, OperatorAccount> {
  if (!existsSync(path)) return {};
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error(`${path}: expected an object of accounts by username`);
  return parsed as Record<string, OperatorAccount>;
}

export function createFileAccountStore(path: string): AccountStore {
  return {
    async get(username) {
      return readAccounts(path)[username.toLowerCase()] ?? null;
    },
    async put(account) {
      const accounts = readAccounts(path);
      accounts[account.username] = account;
      write(accounts);
    },
    async create(account) {
      // Read, check and write without an await in between: atomic within this process.
      const accounts = readAccounts(path);
      if (accounts[account.username]) return false;
      accounts[account.username] = account;
      write(accounts);
      return true;
    },
    async remove(username) {
      const accounts = readAccounts(path);
      delete accounts[username.toLowerCase()];
      write(accounts);
    },
    async list() {
      return Object.values(readAccounts(path));
    },
  };

  function write(accounts: Record<string, OperatorAccount>) {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const temp = `${path}.${process.pid}.tmp`;
    writeFileSync(temp, `${JSON.stringify(accounts, null, 2)}\n`, { mode: 0o600 });
    renameSync(temp, path);
  }
}
