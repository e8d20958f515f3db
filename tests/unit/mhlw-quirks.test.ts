/** The MHLW format's quirks, one table each (see CODEBOOK.md in ../shared/data/mhlw_iryojohonet). */
import { describe, expect, it } from 'vitest';
import { cleanKana, parseCoordinates, parseOpenFlag, parseOtherClosures, parseRange, repairUrl, unescapeNewlines } from '../../scripts/lib/mhlw/quirks.ts';

describe('parseRange: times, placeholders, overnight and impossible slots', () => {
  it.each([
    ['09:00', '12:30', { kind: 'ok', open: '09:00', close: '12:30' }],
    ['9:00', '12:30', { kind: 'ok', open: '09:00', close: '12:30' }],
    ['０９：００', '１２：３０', { kind: 'ok', open: '09:00', close: '12:30' }],
    ['', '', { kind: 'empty' }],
    ['00:00', '00:00', { kind: 'empty' }],
    ['22:00', '06:00', { kind: 'ok', open: '22:00', close: '06:00', overnight: true }],
    ['00:00', '23:59', { kind: 'ok', open: '00:00', close: '24:00' }],
    ['12:00', '09:00', { kind: 'bad' }],
    ['00:45', '17:15', { kind: 'bad' }],
    ['09:00', '09:00', { kind: 'bad' }],
    ['25:00', '26:00', { kind: 'bad' }],
    ['09:00', '', { kind: 'bad' }],
    ['午前', '12:00', { kind: 'bad' }],
  ])('%s–%s', (a, b, expected) => expect(parseRange(a, b)).toMatchObject(expected));
});

describe('closed-day flags: 1 = open, 0 = closed, blank = not given', () => {
  it.each([
    ['1', 'open'],
    ['0', 'closed'],
    ['１', 'open'],
    ['', undefined],
    ['-', undefined],
  ])('%j → %s', (raw, expected) => expect(parseOpenFlag(raw)).toBe(expected));
});

describe('repairUrl', () => {
  it.each([
    ['https://kakuu.example.jp/', 'https://kakuu.example.jp/', false],
    ['http//kakuu.example.jp', 'http://kakuu.example.jp/', true],
    ['http:/kakuu.example.jp/top', 'http://kakuu.example.jp/top', true],
    ['https;//kakuu.example.jp', 'https://kakuu.example.jp/', true],
    ['www.kakuu.example.jp', 'http://www.kakuu.example.jp/', true],
    ['ｈｔｔｐｓ：／／ｋａｋｕｕ．ｅｘａｍｐｌｅ．ｊｐ', 'https://kakuu.example.jp/', true],
    ['https://www.bing.com/ck/a?!&&p=x&u=a1aHR0cHM6Ly9rYWt1dS5leGFtcGxlLmpwLw&ntb=1', 'https://kakuu.example.jp/', true],
    ['ホームページ準備中', undefined, true],
    ['http://localhost', undefined, true],
    ['https://www.bing.com/ck/a?!&&p=x&ntb=1', undefined, true],
    ['', undefined, false],
  ])('%s', (raw, url, warned) => {
    const r = repairUrl(raw);
    expect(r.url).toBe(url);
    expect(Boolean(r.warning)).toBe(warned);
  });
});

describe('parseCoordinates', () => {
  it('"0.0" means missing', () => expect(parseCoordinates('0.0', '0.0')).toEqual({ missing: true }));
  it('blank means missing', () => expect(parseCoordinates('', '')).toEqual({ missing: true }));
  it('reads a point', () => expect(parseCoordinates('35.70712', '139.66571')).toEqual({ lat: 35.70712, lon: 139.66571 }));
  it('rejects a point outside Japan', () => expect(parseCoordinates('139.6', '35.7')).toHaveProperty('bad'));
});

describe('その他の休診日', () => {
  it('「（改行）」 is a newline', () => expect(unescapeNewlines('年末年始（改行）お盆')).toBe('年末年始\nお盆'));
  it('a list of days around New Year becomes one range across the year boundary', () => {
    expect(parseOtherClosures('12月31日 1月3日 1月2日 1月1日 12月30日 12月29日').closures).toEqual([{ from: '12-29', to: '01-03', note: '年末年始' }]);
  });
  it('ranges with slashes, tildes and full-width digits; what cannot be read is kept as text', () => {
    expect(parseOtherClosures('１２/２９~１/３（改行）８月１３日～１６日（改行）学会出張時')).toEqual({
      closures: [
        { from: '08-13', to: '08-16', note: '夏季休診' },
        { from: '12-29', to: '01-03', note: '年末年始' },
      ],
      rest: ['学会出張時'],
      suspicious: [],
    });
  });
  it('a typing error (8/14-5/16) is reported, not kept', () => {
    expect(parseOtherClosures('8/14-5/16')).toEqual({ closures: [], rest: [], suspicious: ['8/14-5/16'] });
  });
});

describe('cleanKana', () => {
  it('accepts katakana and turns half-width kana full-width', () => expect(cleanKana('ｶｸｳ ｸﾘﾆｯｸ')).toBe('カクウ クリニック'));
  it('rejects kanji', () => expect(cleanKana('架空クリニック')).toBeUndefined());
});
