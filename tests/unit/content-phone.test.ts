/**
 * No phone number typed in content: pages, chat system messages, quick replies and campaign texts
 * get helpline numbers from the help facts (content/facts/) through `{{tel:<id>}}`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentFiles, ROOT } from '../support/content-files';
import { phoneNumbersIn } from '../support/phone-in-prose';

describe('phone numbers in page text', () => {
  for (const f of contentFiles()) {
    it(`${f.file} types no phone number`, () => {
      expect(phoneNumbersIn(`${JSON.stringify(f.frontMatter)}\n${f.body}`)).toEqual([]);
    });
  }
});

function filesIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesIn(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** Every file of the chat and campaign texts, read whole (comments included: an editor copies from them). */
const textFiles = ['content/chat', 'content/campaigns'].flatMap((dir) =>
  filesIn(join(ROOT, dir)).map((path) => ({ file: relative(ROOT, path), text: readFileSync(path, 'utf8') })),
);

describe('phone numbers in chat and campaign texts', () => {
  it('finds the chat and campaign files', () => {
    const files = textFiles.map((f) => f.file);
    expect(files).toContain('content/chat/system-messages.json');
    expect(files).toContain('content/chat/quick-replies/nl.md');
    expect(files).toContain('content/campaigns/ik-zit-klem.json');
  });

  for (const f of textFiles) {
    it(`${f.file} types no phone number`, () => {
      const typed = f.text
        .split('\n')
        .map((line, i) => ({ line: i + 1, numbers: phoneNumbersIn(line) }))
        .filter((l) => l.numbers.length > 0);
      expect(typed).toEqual([]);
    });
  }
});

describe('phoneNumbersIn', () => {
  it('finds emergency, free and ordinary Dutch numbers', () => {
    expect(phoneNumbersIn('Bel 112 of 0800-2000.')).toEqual(['112', '0800-2000']);
    expect(phoneNumbersIn('Bel 0800 2000')).toEqual(['0800 2000']);
    expect(phoneNumbersIn('Bel 020 123 4567 of +31 20 123 4567')).toHaveLength(2);
  });

  it('finds a number typed in a chat message or a quick reply, also glued to a suffix', () => {
    expect(phoneNumbersIn("Bildirim yapmak istersen 0800-2000'i ara.")).toEqual(['0800-2000']);
    expect(phoneNumbersIn('"danger": "Bel 112. Veilig Thuis: 0800-2000."')).toEqual(['112', '0800-2000']);
  });

  it('ignores tokens, years, percentages and figures', () => {
    expect(phoneNumbersIn('Bel {{tel:alarmnummer-112}} of {{tel:veilig-thuis}}.')).toEqual([]);
    expect(phoneNumbersIn('Bel {{org:kindertelefoon}}: {{tel:kindertelefoon}}.')).toEqual([]);
    expect(phoneNumbersIn('In 2019-2020 waren 1.200.000 mensen slachtoffer; 12% en 4.200 meisjes.')).toEqual([]);
    expect(phoneNumbersIn('90.000 tot 127.000 kinderen, artikel 19, 1 op de 20.')).toEqual([]);
  });
});
