/**
 * Readings of kanji names, computed at build time with kuromoji (IPADIC), for the search index only:
 * 「はしもと」 finds 橋本医院, 「せき」 finds 咳とぜんそくの内科クリニック. They are derived and can be
 * wrong (横畠 reads as よこはたけ), so they are never shown and weigh less than the name itself; a
 * reading an editor writes (`name.kana`) wins. docs/decisions/0403-readings-and-romaji.md.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import kuromoji from 'kuromoji';

/**
 * A text's reading as runs of morpheme readings (katakana, as kuromoji gives them). A run breaks where a
 * word has no reading (a kanji the dictionary does not know) or at a space: 「東中野 咳と」 →
 * [[ヒガシナカノ], [セキ, ト]].
 */
export type Reading = readonly (readonly string[])[];

const HAN = /\p{Script=Han}/u;
const SPACE = /^[\s\u3000]+$/u;

let tokenizer: Promise<kuromoji.Tokenizer<kuromoji.IpadicFeatures>> | undefined;
function load(): Promise<kuromoji.Tokenizer<kuromoji.IpadicFeatures>> {
  const dicPath = path.join(path.dirname(createRequire(import.meta.url).resolve('kuromoji/package.json')), 'dict');
  tokenizer ??= new Promise((resolve, reject) =>
    kuromoji.builder({ dicPath }).build((err, t) => (err ? reject(new Error(`kuromoji の辞書 ${dicPath} を読めません: ${err.message}`)) : resolve(t))),
  );
  return tokenizer;
}

function readingOf(t: kuromoji.Tokenizer<kuromoji.IpadicFeatures>, text: string): Reading {
  const runs: string[][] = [];
  let run: string[] = [];
  const close = () => {
    if (run.length) runs.push(run);
    run = [];
  };
  for (const m of t.tokenize(text)) {
    if (SPACE.test(m.surface_form)) close();
    else if (m.reading && m.reading !== '*') run.push(m.reading);
    else if (HAN.test(m.surface_form)) close();
    else run.push(m.surface_form);
  }
  close();
  return runs;
}

/** The reading of each text that has a kanji in it (the others read as they are written). */
export async function readings(texts: Iterable<string>): Promise<Map<string, Reading>> {
  const out = new Map<string, Reading>();
  const todo = [...new Set(texts)].filter((s) => HAN.test(s));
  if (!todo.length) return out;
  const t = await load();
  for (const s of todo) out.set(s, readingOf(t, s));
  return out;
}
