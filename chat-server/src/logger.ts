/**
 * A small structured logger (one JSON object a line on stdout/stderr). Privacy rule: callers
 * pass event names and counts only, never an IP address, a user agent or message text; the
 * logger drops any field whose name suggests one, as a second line of defence.
 */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

const FORBIDDEN_FIELD = /^(ip|ips|address|remoteAddress|userAgent|user-agent|ua|text|message|body|password)$/i;

function clean(fields: LogFields): LogFields {
  return Object.fromEntries(Object.entries(fields).filter(([key]) => !FORBIDDEN_FIELD.test(key)));
}

export function createLogger(options: { silent?: boolean } = {}): Logger {
  const write = (level: string, event: string, fields: LogFields = {}) => {
    if (options.silent) return;
    const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...clean(fields) });
    (level === 'info' ? process.stdout : process.stderr).write(`${line}\n`);
  };
  return {
    info: (event, fields) => write('info', event, fields),
    warn: (event, fields) => write('warn', event, fields),
    error: (event, fields) => write('error', event, fields),
  };
}
