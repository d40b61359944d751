/** Phone numbers live in the help facts module (content/facts/); this re-export keeps the site's imports short. */
export { parseDutchPhone, phoneCandidates, type Phone } from '../../../content/facts/phone';
