/** Opening hours live in the help facts module (content/facts/); re-exported for the site. */
export { DAYS, isOpenAt, openingHoursSchema, type Day, type OpeningHours } from '../../../content/facts/opening-hours';
