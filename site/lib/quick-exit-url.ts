/**
 * Where the quick exit goes: a neutral site, so that what a watcher sees is ordinary.
 * Set `PUBLIC_QUICK_EXIT_URL` at build time to change it (for example to a regional weather page).
 */
const DEFAULT_QUICK_EXIT_URL = 'https://www.buienradar.nl/';

function readQuickExitUrl(): string {
  const configured = import.meta.env.PUBLIC_QUICK_EXIT_URL as string | undefined;
  if (!configured) return DEFAULT_QUICK_EXIT_URL;
  const url = new URL(configured);
  if (url.protocol !== 'https:') throw new Error('PUBLIC_QUICK_EXIT_URL must be an https:// address');
  return url.href;
}

export const QUICK_EXIT_URL = readQuickExitUrl();
