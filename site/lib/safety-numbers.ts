/**
 * The two numbers every page shows: 112 and Veilig Thuis. They come from the help facts module
 * (content/facts/), which reads and checks the imported data; the build fails if either is
 * missing, not verified, without source or date, or not a valid number.
 */
import { FACTS, type SourcedPhone } from '../../content/facts';

export type SafetyNumber = SourcedPhone;

export const EMERGENCY: SafetyNumber = FACTS.phone('alarmnummer-112');
export const VEILIG_THUIS: SafetyNumber = FACTS.phone('veilig-thuis');
