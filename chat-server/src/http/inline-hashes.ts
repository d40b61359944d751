/**
 * The Content-Security-Policy allows no inline script or style, except the few that Astro
 * writes into pages (the island loader and its style). Their SHA-256 hashes are collected from
 * the built HTML once at start, so the policy allows exactly what the build produced.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface InlineHashes {
  scripts: string[];
  styles: string[];
}

function* htmlFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(path);
    else if (entry.name.endsWith('.html')) yield path;
  }
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Hashes of every distinct inline `<script>` (without src) and `<style>` in the built site. */
export function collectInlineHashes(distDir: string): InlineHashes {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  for (const file of htmlFiles(distDir)) {
    const html = readFileSync(file, 'utf8');
    for (const match of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)) {
      if (match[1]) scripts.add(sha256(match[1]));
    }
    for (const match of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi)) {
      if (match[1]) styles.add(sha256(match[1]));
    }
  }
  return { scripts: [...scripts].sort(), styles: [...styles].sort() };
}
