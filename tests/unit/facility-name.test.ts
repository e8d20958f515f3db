import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { nameKey, splitCorporation } from '../../src/lib/util/facility-name.ts';
import { departmentsInName } from '../../src/lib/util/department-match.ts';

const facilities = parse(readFileSync(new URL('../../../shared/data/nakano_facilities/kouseikyoku_hokeniryokikan_nakano_202508.csv', import.meta.url)), {
  columns: true,
}) as Record<string, string>[];

describe('splitCorporation on real names', () => {
  it.each([
    ['医療法人社団 二人会 クリニカル南台', { corporation: '医療法人社団 二人会', display: 'クリニカル南台' }],
    ['医療法人社団 荒牧医院', { corporation: '医療法人社団 荒牧医院', display: '荒牧医院' }],
    ['東京医療生活協同組合 新渡戸記念中野総合病院', { corporation: '東京医療生活協同組合', display: '新渡戸記念中野総合病院' }],
    ['社会福祉法人 浄風園 中野江古田病院', { corporation: '社会福祉法人 浄風園', display: '中野江古田病院' }],
    ['社会医療法人社団 健友会 中野共立病院', { corporation: '社会医療法人社団 健友会', display: '中野共立病院' }],
    ['医療法人財団 圭友会 小原病院', { corporation: '医療法人財団 圭友会', display: '小原病院' }],
    ['医療法人 芳縁会 近藤クリニック', { corporation: '医療法人 芳縁会', display: '近藤クリニック' }],
    ['新中野 内科・外科中央クリニック', { display: '新中野 内科・外科中央クリニック' }],
    ['せきとぜんそくのクリニック 中野駅前院', { display: 'せきとぜんそくのクリニック 中野駅前院' }],
    ['白石医院', { display: '白石医院' }],
    ['医療法人社団フレシェア 若宮診療所', { corporation: '医療法人社団フレシェア', display: '若宮診療所' }],
    ['一般財団法人 自警会 東京警察病院', { corporation: '一般財団法人 自警会', display: '東京警察病院' }],
  ])('%s', (official, expected) => expect(splitCorporation(official)).toEqual(expected));

  it('leaves no corporation word in any of the 312 display names', () => {
    const left = facilities.map((f) => splitCorporation(f['医療機関名称'] ?? '').display).filter((d) => /法人|組合/.test(d));
    expect(left).toEqual([]);
  });

  it('matches a name with and without its corporation prefix and width variants', () => {
    expect(nameKey('医療法人社団 二人会 クリニカル南台')).toBe(nameKey('クリニカル南台'));
    expect(nameKey('中野ＮＳＢクリニック')).toBe(nameKey('中野NSBクリニック'));
  });
});

describe('departmentsInName', () => {
  const vocab = [
    { code: '01001', name: '内科', synonyms: [] },
    { code: '02001', name: '外科', synonyms: [] },
    { code: '02035', name: '整形外科', synonyms: ['整形'] },
    { code: '03001', name: '小児科', synonyms: ['こども', 'キッズ'] },
    { code: '05002', name: '耳鼻いんこう科', synonyms: ['耳鼻咽喉科', '耳鼻科'] },
    { code: '06001', name: '皮膚科', synonyms: ['皮フ科'] },
    { code: '07003', name: '心療内科', synonyms: [] },
  ];
  it.each([
    ['西山耳鼻咽喉科医院', ['05002']],
    ['渡辺整形外科・外科・内科', ['01001', '02001', '02035']],
    ['江原町小児科耳鼻科', ['03001', '05002']],
    ['おがた皮フ科クリニック', ['06001']],
    ['かみさぎキッズクリニック', ['03001']],
    ['中野こころとからだクリニック', []],
    ['心療内科ひだまり', ['07003']],
  ])('%s → %j', (name, codes) => expect(departmentsInName(name, vocab)).toEqual(codes));
});
