import { describe as suite, expect, it } from 'vitest';
import { describe, parsePronunciation } from '../src/lexicon';

suite('parsePronunciation', () => {
  it('reads a respelling, IPA between slashes, and refuses an empty side', () => {
    expect(parsePronunciation(' Giovanelli ', 'jo-va-NEL-lee')).toEqual({ word: 'Giovanelli', respelling: 'jo-va-NEL-lee' });
    expect(parsePronunciation('Ahab', '/ˈeɪhæb/')).toEqual({ word: 'Ahab', ipa: 'ˈeɪhæb' });
    expect(parsePronunciation('Hermione  Granger', 'her-MY-oh-nee')).toEqual({ word: 'Hermione Granger', respelling: 'her-MY-oh-nee' });
    expect(parsePronunciation('', 'x')).toBeNull();
    expect(parsePronunciation('Ahab', '  ')).toBeNull();
    expect(describe({ word: 'Ahab', ipa: 'ˈeɪhæb' })).toBe('/ˈeɪhæb/');
  });
});
