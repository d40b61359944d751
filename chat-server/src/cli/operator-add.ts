/**
 * Creates or updates an operator account; the password comes from standard input (never from
 * the command line, which other users can see in the process list).
 *   npm run -s operator:add -- --username NAME --role operator|supervisor [--region VTxx|VRxx|national] [--name ALIAS]
 *   printf '%s' "$PASSWORD" | npm run -s operator:add -- --username anna --role supervisor
 * With REDIS_URL the account goes to Redis; otherwise to OPERATORS_FILE (.data/operators.json).
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { readConfig } from '../config';
import { createLogger } from '../logger';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../auth/passwords';
import { openStores } from '../chat/chat-deps';
import { loadRegions } from '../chat/regions';

const argsSchema = z.object({
  username: z
    .string()
    .transform((u) => u.toLowerCase())
    .pipe(z.string().regex(/^[a-z0-9][a-z0-9._-]{1,31}$/, 'use 2–32 letters, digits, dot, dash or underscore')),
  role: z.enum(['operator', 'supervisor']),
  region: z.string().default('national'),
  name: z.string().trim().min(1).max(40).default('Veilig Thuis'),
});

async function readPassword(): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    let text = '';
    for await (const chunk of stdin) text += String(chunk);
    return text.replace(/\r?\n$/, '');
  }
  // At a terminal: ask without echoing what is typed.
  process.stderr.write('Password: ');
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  return new Promise((resolve) => {
    let password = '';
    const onData = (key: string) => {
      for (const char of key) {
        if (char === '\r' || char === '\n') {
          stdin.setRawMode(false);
          stdin.off('data', onData);
          stdin.pause();
          process.stderr.write('\n');
          return resolve(password);
        }
        if (char === '\u0003') process.exit(130);
        if (char === '\u007f') password = password.slice(0, -1);
        else password += char;
      }
    };
    stdin.on('data', onData);
  });
}

async function main() {
  const { values } = parseArgs({
    options: {
      username: { type: 'string' },
      role: { type: 'string' },
      region: { type: 'string' },
      name: { type: 'string' },
    },
    strict: true,
  });
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  --${issue.path.join('.')}: ${issue.message}`);
    throw new Error(
      `usage: npm run -s operator:add -- --username NAME --role operator|supervisor [--region VTxx|VRxx|national] [--name ALIAS]\n${lines.join('\n')}`,
    );
  }
  const args = parsed.data;
  const config = readConfig();
  const regions = loadRegions(join(config.contentDir, 'data', 'gemeente-veiligthuisregio.json'));
  if (!regions.isKnownOperatorRegion(args.region))
    throw new Error(`--region: ${args.region} is not a Veilig Thuis region (VT01…), safety region (VR01…) or national`);
  const password = await readPassword();
  if (password.length < MIN_PASSWORD_LENGTH || password.length > 256)
    throw new Error(`the password must be ${MIN_PASSWORD_LENGTH} to 256 characters`);
  const { store, accounts } = await openStores(config, createLogger({ silent: true }));
  try {
    const existing = await accounts.get(args.username);
    await accounts.put({
      username: args.username,
      role: args.role,
      region: args.region,
      displayName: args.name,
      passwordHash: await hashPassword(password),
      createdAt: existing?.createdAt ?? new Date().toISOString(),
    });
    console.log(
      `${existing ? 'Updated' : 'Created'} ${args.role} "${args.username}" (region ${args.region}, shown to visitors as "${args.name}") in ${config.redisUrl ? 'Redis' : config.operatorsFile}.${
        // The new password hash ends every session of the account (auth/session-check.ts).
        existing ? ' Its open sessions and sockets end now.' : ''
      }`,
    );
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
