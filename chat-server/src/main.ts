/**
 * Composition root: reads the environment, wires the dependencies, listens, and stops cleanly
 * on Ctrl-C / SIGTERM. Nothing else in the server reads process.env.
 */
import { readConfig } from './config';
import { createLogger } from './logger';
import { createApp } from './app';
import { buildIfNeeded } from './build-if-needed';
import { chatStatusRoute } from './http/chat-status';

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger();
  if (process.argv.includes('--build-if-needed')) buildIfNeeded(process.cwd(), config.distDir);

  // Until the chat exists, the status says honestly that it is closed.
  const status = chatStatusRoute(async () => ({ open: false, reason: 'closed', waiting: 0, operatorsAvailable: 0 }));
  const app = createApp({ config, logger, isReady: async () => true, apiRoutes: [status] });

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
      `  Chat store:        ${config.redisUrl ? 'Redis' : 'in memory (set REDIS_URL for Redis)'}`,
      '  First operator:    npm run -s operator:add -- --username NAME --role supervisor  (password on standard input)',
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
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
