/**
 * The product as the README starts it, `npm start`: it compiles the server, runs it on the
 * project's own Node LTS (node_modules/.bin/node, not the machine's Node 20), says where to go,
 * serves, and stops cleanly on Ctrl-C (SIGINT).
 */
import { describe, expect, it, onTestFinished } from 'vitest';
import { spawn } from 'node:child_process';
import { MINIMUM_NODE_MAJOR } from '../../chat-server/src/runtime-check';

function shellPath(): string {
  return (process.env.PATH ?? '')
    .split(':')
    .filter((dir) => !dir.includes('node_modules'))
    .join(':');
}

describe('the server process', () => {
  it('prints where the site and console are, serves, and exits 0 on SIGINT', async () => {
    const child = spawn('npm', ['start', '--silent'], {
      // PATH as in a fresh shell (without node_modules/.bin, which npm scripts add): npm start
      // itself must pick the project's Node.
      env: { ...process.env, PATH: shellPath(), PORT: '0', NODE_ENV: 'test', REDIS_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so the test can press Ctrl-C the way a terminal does (to the group).
      detached: true,
    });
    // Whatever happens, no server is left running after the test.
    onTestFinished(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));

    // Generous: on a loaded 2-core machine, starting and reading the build can take a while.
    const deadline = Date.now() + 60_000;
    while (!/Site:\s+http:\/\/localhost:(\d+)\/nl\//.test(output) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const port = /localhost:(\d+)\/nl\//.exec(output)?.[1];
    expect(port, output).toBeDefined();
    expect(output).toMatch(/Operator console:\s+http:\/\/localhost:\d+\/medewerkers\//);
    expect(output).toMatch(/operator:add/);
    const major = Number(/Runtime:\s+Node v(\d+)\./.exec(output)?.[1]);
    expect(major, output).toBeGreaterThanOrEqual(MINIMUM_NODE_MAJOR);

    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);

    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    process.kill(-child.pid!, 'SIGINT');
    expect(await exited).toBe(0);
  }, 90_000);
});
