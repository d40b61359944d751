/**
 * The chat's public contract in code (docs/chat-protocol.md in words): event names, payload
 * types and the zod schemas that check every incoming payload at runtime. The site's islands
 * import types (and the constants) from here; nothing here may import server code.
 *
 * One file per part of the contract, so a change finds its room at once:
 * - core.ts: version, error codes, value sets, shared building blocks (text, ids);
 * - visitor.ts: the `/visitor` namespace;
 * - operator.ts: the `/operator` namespace;
 * - http.ts: `GET /api/chat/status` and the operator's own HTTP routes;
 * - admin.ts: account administration by a supervisor;
 * - admin-reports.ts: the audit log and the statistics supervisors read (issue 14).
 */
export * from './core';
export * from './visitor';
export * from './operator';
export * from './http';
export * from './admin';
export * from './admin-reports';
