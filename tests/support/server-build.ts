/**
 * Tests run the chat server as production does: the compiled JavaScript in build/chat-server,
 * on the project's Node. The Vitest global setup and the Playwright web server compile it first
 * (under a second), so a test never runs a stale build.
 */
import { join } from 'node:path';

export const SERVER_MAIN = join(process.cwd(), 'build/chat-server/main.js');
export const OPERATOR_ADD_CLI = join(process.cwd(), 'build/chat-server/operator-add.js');
