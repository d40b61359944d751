/**
 * A help route is computed, not written: (municipality, theme, audience) → 112 when in danger;
 * Veilig Thuis (0800-2000, the region's organisation when known and verified, the chat); the
 * theme's national services; regional services for that area; the local team, or an honest
 * "ask your municipality". Plain data without Astro imports, so server code (the operator
 * console) can call `helpRouteFor` too.
 */
import type { Lang } from '../../i18n/locales';
import { THEMES } from '../taxonomy';
import { municipalityByCode, type Municipality, type Region } from '../../../content/facts/municipalities';
import { isOpenAt, type OpeningHours } from './opening-hours';
import { FACTS, type Organisation, type Phone, type RegionalNote } from '../../../content/facts';

export interface ThemeRoute {
  themeId: string;
  themeName: string;
  /** Anchor on the municipality page, e.g. "thema-partnergeweld". */
  anchor: string;
  /** The theme page, e.g. "/nl/thema/partnergeweld/". */
  themePath: string;
  national: Organisation[];
  regional: Organisation[];
  regionalNotes: RegionalNote[];
  /** No data on local teams exists yet: the route says to ask the municipality, by name. */
  local: { kind: 'ask-municipality'; municipalityName: string };
}

export interface HelpRoute {
  municipality: Pick<Municipality, 'code' | 'name' | 'slug' | 'province'>;
  /** The municipality page, e.g. "/nl/hulp/zaanstad/". */
  path: string;
  emergency: { phone: Phone; source: string[] };
  veiligThuis: {
    phone: Phone;
    free: boolean | null;
    hours: OpeningHours | null;
    /** The CBS Veilig Thuis region (always known, from CBS 2025). */
    region: Region;
    /** The region's organisation when verified; null means: call 0800-2000, which routes by place name. */
    organisation: { name: string; website: string | null; source: string[]; verifiedAt: string | null } | null;
    chat: { hours: OpeningHours | null; openNow: boolean | null; path: string; source: string[] };
    notes: RegionalNote[];
    source: string[];
    verifiedAt: string | null;
  };
  themes: ThemeRoute[];
}

export interface HelpRouteOptions {
  /** Only services for this audience (and those for everyone). */
  audience?: string;
  /** When given, `veiligThuis.chat.openNow` says whether the chat is usually open at that instant. */
  now?: Date;
}

function required(id: string): Organisation {
  const service = FACTS.service(id);
  if (!service?.phone && id !== 'veilig-thuis-chat') throw new Error(`route: service "${id}" must be in the data`);
  if (!service) throw new Error(`route: service "${id}" must be in the data`);
  return service;
}

/**
 * The route for a municipality by CBS code ("GM0479"), for one theme or all, in a language.
 * Returns null for an unknown code or theme (bad input changes nothing and never throws).
 */
export function helpRouteFor(
  code: string,
  themeId: string | undefined,
  lang: Lang,
  options: HelpRouteOptions = {},
): HelpRoute | null {
  const municipality = municipalityByCode(code);
  if (!municipality) return null;
  const themes = themeId === undefined ? THEMES : THEMES.filter((theme) => theme.id === themeId);
  if (themes.length === 0) return null;
  const emergency = required('alarmnummer-112');
  const veiligThuis = required('veilig-thuis');
  const chat = required('veilig-thuis-chat');
  const organisation = FACTS.veiligThuisOrganisation(municipality.veiligThuisRegion.code);
  const notes = FACTS.regionalNotesFor(municipality.name);
  return {
    municipality: {
      code: municipality.code,
      name: municipality.name,
      slug: municipality.slug,
      province: municipality.province,
    },
    path: `/${lang}/hulp/${municipality.slug}/`,
    emergency: { phone: emergency.phone!, source: emergency.source },
    veiligThuis: {
      phone: veiligThuis.phone!,
      free: veiligThuis.free,
      hours: veiligThuis.hours,
      region: municipality.veiligThuisRegion,
      organisation: organisation
        ? {
            name: organisation.name,
            website: organisation.website,
            source: organisation.source,
            verifiedAt: organisation.verifiedAt,
          }
        : null,
      chat: {
        hours: chat.hours,
        openNow: options.now && chat.hours ? isOpenAt(chat.hours, options.now) : null,
        path: `/${lang}/chat/`,
        source: chat.source,
      },
      notes: notes.filter((note) => note.themes.length === 0),
      source: veiligThuis.source,
      verifiedAt: veiligThuis.verifiedAt,
    },
    themes: themes.map((theme) => {
      const { national, regional } = FACTS.servicesFor({
        theme: theme.id,
        audience: options.audience,
        veiligThuisRegion: municipality.veiligThuisRegion.code,
      });
      return {
        themeId: theme.id,
        themeName: theme.name[lang],
        anchor: `thema-${theme.id}`,
        themePath: `/${lang}/thema/${theme.id}/`,
        national,
        regional,
        regionalNotes: notes.filter((note) => note.themes.includes(theme.id)),
        local: { kind: 'ask-municipality', municipalityName: municipality.name },
      };
    }),
  };
}
