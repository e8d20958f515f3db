/**
 * Open data: every published staff profile (a public, downloadable registry), through the same projection the
 * pages use, so a section without consent or a non-advertisable qualification is absent here too (ADR 0009).
 */
import type { APIRoute } from 'astro';
import { getDirectory } from '../../lib/content/directory.ts';
import { openDataPerson } from '../../lib/content/public-person.ts';

export const GET: APIRoute = async () => {
  const dir = await getDirectory();
  const body = {
    title: '中野区診療所データベース スタッフ紹介',
    note: '本人が公開に同意した項目だけを掲載しています。資格は厚生労働省に届出のある団体（広告可能な専門性資格）のものだけです。',
    people: dir.people.map(openDataPerson),
  };
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
