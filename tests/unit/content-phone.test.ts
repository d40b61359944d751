/** No phone number typed in page text: helpline numbers come from data through `{{tel:<id>}}`. */
import { describe, expect, it } from 'vitest';
import { contentFiles } from '../support/content-files';
import { phoneNumbersIn } from '../support/phone-in-prose';

describe('phone numbers in page text', () => {
  for (const f of contentFiles()) {
    it(`${f.file} types no phone number`, () => {
      expect(phoneNumbersIn(`${JSON.stringify(f.frontMatter)}\n${f.body}`)).toEqual([]);
    });
  }
});

describe('phoneNumbersIn', () => {
  it('finds emergency, free and ordinary Dutch numbers', () => {
    expect(phoneNumbersIn('Bel 112 of 0800-2000.')).toEqual(['112', '0800-2000']);
    expect(phoneNumbersIn('Bel 0800 2000')).toEqual(['0800 2000']);
    expect(phoneNumbersIn('Bel 020 123 4567 of +31 20 123 4567')).toHaveLength(2);
  });

  it('ignores tokens, years, percentages and figures', () => {
    expect(phoneNumbersIn('Bel {{tel:alarmnummer-112}} of {{tel:veilig-thuis}}.')).toEqual([]);
    expect(phoneNumbersIn('In 2019-2020 waren 1.200.000 mensen slachtoffer; 12% en 4.200 meisjes.')).toEqual([]);
    expect(phoneNumbersIn('90.000 tot 127.000 kinderen, artikel 19, 1 op de 20.')).toEqual([]);
  });
});
