import { describe, expect, it } from 'vitest';
import { MINIMUM_NODE_MAJOR, unsupportedNodeMessage } from '../../chat-server/src/runtime-check';

describe('the Node runtime check', () => {
  it('refuses Node 20 and 22 (end of life or older than the project needs) with a way out', () => {
    for (const version of ['v20.20.2', 'v22.12.0', 'v18.0.0']) {
      const message = unsupportedNodeMessage(version);
      expect(message).toMatch(/not supported/);
      expect(message).toMatch(/npm start/);
    }
  });

  it('accepts the LTS the project brings and newer', () => {
    expect(unsupportedNodeMessage(`v${MINIMUM_NODE_MAJOR}.0.0`)).toBeNull();
    expect(unsupportedNodeMessage('v26.10.0')).toBeNull();
  });

  it('runs the tests themselves on a supported Node (npm scripts use node_modules/.bin/node)', () => {
    expect(unsupportedNodeMessage(process.version)).toBeNull();
  });
});
