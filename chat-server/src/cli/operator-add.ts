/**
 * Creates or updates an operator account; the password comes from standard input (never from
 * the command line, which other users can see in the process list).
 *   npm run -s operator:add -- --username NAME --role operator|supervisor [--region VTxx|VRxx|national] [--name ALIAS] [--languages nl,en]
 *   printf '%s' "$PASSWORD" | npm run -s operator:add -- --username anna --role supervisor --languages nl,en
 * `--languages`: the languages this operator chats in, comma-separated codes (nl, en, tr, ar, pl,
 * uk); default nl, or the account's languages when it exists already.
 * With REDIS_URL the account goes to Redis; otherwise to OPERATORS_FILE (.data/operators.json).
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { LANG_CODES, USERNAME_PATTERN, USERNAME_RULE } from '../protocol';
import { readConfig } from '../config';
import { createLogger } from '../logger';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../auth/passwords';
import { openStores } from '../chat/chat-deps';
import { loadRegions } from '../chat/regions';

const argsSchema = z.object({
  username: z
    .string()
    .transform((u) => u.toLowerCase())
    .pipe(z.string().regex(USERNAME_PATTERN, USERNAME_RULE)),
  role: z.enum(['operator', 'supervisor']),
  region: z.string().default('national'),
  name: z.string().trim().min(1).max(40).default('Veilig Thuis'),
  languages: z
    .string()
    .optional()
    .transform((value) => (value === undefined ? undefined : value.split(',').map((code) => code.trim().toLowerCase())))
    .pipe(
      z
        .array(z.enum(LANG_CODES, { error: `use codes from ${LANG_CODES.join(', ')}, comma-separated` }))
        .min(1)
        .refine((list) => new Set(list).size === list.length, 'each language once')
        .optional(),
    ),
});

const USAGE =
  'usage: npm run -s operator:add -- --username NAME --role operator|supervisor [--region VTxx|VRxx|national] [--name ALIAS] [--languages nl,en]';

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
      languages: { type: 'string' },
    },
    strict: true,
  });
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  --${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`${USAGE}\n${lines.join('\n')}`);
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
    const languages = args.languages ?? existing?.languages ?? ['nl'];
    // A password typed here is not temporary: a pending change required by a supervisor's reset is lifted.
    // Two-factor login is left off too: this is the way back for someone who lost their phone
    // when no supervisor can turn it off (the last supervisor, say).
    await accounts.put({
      username: args.username,
      role: args.role,
      region: args.region,
      displayName: args.name,
      languages,
      passwordHash: await hashPassword(password),
      createdAt: existing?.createdAt ?? new Date().toISOString(),
    });
    console.log(
      `${existing ? 'Updated' : 'Created'} ${args.role} "${args.username}" (region ${args.region}, languages ${languages.join(',')}, shown to visitors as "${args.name}") in ${config.redisUrl ? 'Redis' : config.operatorsFile}.${
        // The new password hash ends every session of the account (auth/session-check.ts).
        existing ? ' Its open sessions and sockets end now.' : ''
      }${existing?.twoFactor ? ' Two-factor login is off now: set it up again in the console.' : ''}`,
    );
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
