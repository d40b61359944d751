// @ts-check
import { defineConfig } from 'astro/config';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';

// The site is fully static: the chat-server (chat-server/) serves dist/ in production.
export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  outDir: './dist',
  site: process.env.PUBLIC_SITE_URL ?? 'http://localhost:3000',
  trailingSlash: 'always',
  // Astro 7's default ('jsx') drops a line break between text and an inline element, gluing
  // words together ("Veilig Thuis0800-2000"). `true` collapses whitespace to one space instead.
  compressHTML: true,
  build: {
    format: 'directory',
    // External CSS files only: the Content-Security-Policy allows no inline styles.
    inlineStylesheets: 'never',
  },
  integrations: [
    preact(),
    // The sitemap lists public pages only; the operator console is not for search engines.
    sitemap({ filter: (page) => !page.includes('/medewerkers/') }),
  ],
  vite: {
    // Never inline scripts: the Content-Security-Policy allows scripts from files only.
    build: { assetsInlineLimit: 0 },
  },
  devToolbar: { enabled: false },
});
