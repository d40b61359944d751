/** The embedded search index of each language, written as a static file by `astro build`. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { LANGS } from '../../../i18n/locales';
import { buildIndexJson } from '../../../../search-index/build-index';

export const getStaticPaths = (() => LANGS.map((lang) => ({ params: { lang } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(buildIndexJson(String(params.lang)), { headers: { 'Content-Type': 'application/json' } });
