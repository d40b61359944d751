/**
 * The console's tab title as a badge (issue 14 item 1): how many wait, and how many of them are
 * in danger, before the title, so an operator working in another tab or window sees it in the
 * tab strip or task bar. Counts only, nothing about any visitor. Staff can switch it off
 * (device-memory.ts `titleBadge`); with nobody waiting the title is plain.
 */
import { adminText } from './admin-strings';

export function consoleTitle(base: string, waiting: { total: number; inDanger: number }, on: boolean): string {
  if (!on || waiting.total <= 0) return base;
  const badge =
    waiting.inDanger > 0
      ? adminText('title.badge.danger', { count: waiting.total, danger: waiting.inDanger })
      : adminText('title.badge', { count: waiting.total });
  return `${badge} ${base}`;
}
