/**
 * The product as `npm start` runs it: one process that says where to go, serves, and stops
 * cleanly on Ctrl-C (SIGINT).
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';

describe('the server process', () => {
  it('prints where the site and console are, serves, and exits 0 on SIGINT', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'chat-server/src/main.ts'], {
      env: { ...process.env, PORT: '0', NODE_ENV: 'test', REDIS_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));

    // Generous: on a loaded 2-core machine, starting tsx and reading the build can take a while.
    const deadline = Date.now() + 60_000;
    while (!/Site:\s+http:\/\/localhost:(\d+)\/nl\//.test(output) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const port = /localhost:(\d+)\/nl\//.exec(output)?.[1];
    expect(port, output).toBeDefined();
    expect(output).toMatch(/Operator console:\s+http:\/\/localhost:\d+\/medewerkers\//);
    expect(output).toMatch(/operator:add/);

    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);

    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  }, 90_000);
});
