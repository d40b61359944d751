/** HTTP: the public chat status and the operator's own routes (login, me, quick replies, help route). */
import { z } from 'zod';

// ---- HTTP --------------------------------------------------------------------------------

export interface ChatStatusResponse {
  open: boolean;
  /** `unavailable` (addition): the store (Redis) cannot be reached; call 0800-2000. */
  reason?: 'closed' | 'no-operators' | 'queue-full' | 'unavailable';
  /** ISO 8601, when closed and the next opening is known. */
  opensAt?: string;
  waiting: number;
  operatorsAvailable: number;
}

export type OperatorRole = 'operator' | 'supervisor';

/** Addition: `GET /api/operator/me` (operator session required). */
export interface OperatorMe {
  /** The opaque id colleagues see for this operator (as `Colleague.operatorId`), not the username. */
  operatorId: string;
  name: string;
  role: OperatorRole;
  /** VTxx, VRxx or 'national'. */
  region: string;
  capacity: number;
}

/** Addition: `GET /api/operator/quick-replies?lang=xx`. `html` is rendered from markdown with html off. */
export interface QuickReply {
  id: string;
  title: string;
  /** Plain text to put in the message box (what is sent to the visitor). */
  text: string;
  /** Safe HTML preview (markdown-it, html off, linkify on). */
  html: string;
}

/** Addition: `GET /api/operator/help-route?municipality=GMxxxx`. */
export interface HelpRoute {
  municipality: { code: string; name: string };
  veiligThuis: { region: string; name: string; website: string | null };
  phones: { id: string; name: string; phone: string }[];
}

export const operatorLoginSchema = z
  .object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) })
  .strict();
