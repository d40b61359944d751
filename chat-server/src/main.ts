/**
 * Composition root: reads the environment, wires the dependencies, listens, and stops cleanly
 * on Ctrl-C / SIGTERM. Nothing else in the server reads process.env.
 */
import { readConfig } from './config';
import { createLogger } from './logger';
import { createApp } from './app';
import { buildIfNeeded } from './build-if-needed';
import { createChatDeps } from './chat/chat-deps';
import { startCluster } from './scaling/start-cluster';
import { unsupportedNodeMessage } from './runtime-check';

async function main(): Promise<void> {
  const unsupported = unsupportedNodeMessage(process.version);
  if (unsupported) throw new Error(unsupported);
  const config = readConfig();
  const logger = createLogger();
  if (process.argv.includes('--build-if-needed')) buildIfNeeded(process.cwd(), config.distDir);

  const chat = await createChatDeps(config, logger);
  const cluster = await startCluster(config, logger);
  if (cluster) chat.cluster = cluster;
  const isReady = () =>
    chat.store.ping().then(
      () => true,
      () => false,
    );
  const app = createApp({ config, logger, isReady, chat });
  const operatorCount = (await chat.accounts.list().catch(() => [])).length;
  if (cluster && app.chat) await cluster.ready(app.chat.io);

  await new Promise<void>((resolve, reject) => {
    app.server.once('error', reject);
    app.server.listen(config.port, config.host, resolve);
  });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const base = `http://localhost:${port}`;
  console.log(
    [
      '',
      `  Site:              ${base}/nl/`,
      `  Operator console:  ${base}/medewerkers/`,
      `  Runtime:           Node ${process.version}`,
      `  Chat store:        ${config.redisUrl ? 'Redis' : 'in memory (set REDIS_URL for Redis)'}`,
      `  Chat hours:        ${config.chatAlwaysOpen ? 'always open (CHAT_ALWAYS_OPEN)' : config.chatSchedulePath}`,
      operatorCount === 0
        ? '  First operator:    npm run -s operator:add -- --username NAME --role supervisor  (password on standard input)'
        : `  Operators:         ${operatorCount} account(s); add one with npm run -s operator:add -- --username NAME --role operator`,
      '  Stop:              Ctrl-C',
      '',
    ].join('\n'),
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('server.stopping', { signal });
    await app.close();
    await cluster?.close();
    await chat.store.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
