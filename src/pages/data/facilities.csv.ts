/** Open data as CSV (src/lib/seo/open-data-csv.ts): one row per facility, derived columns marked, credits on top. */
import type { APIRoute } from 'astro';
import { getDirectory } from '../../lib/content/directory.ts';
import { openDataCsv } from '../../lib/seo/open-data-csv.ts';

export const GET: APIRoute = async () => {
  const dir = await getDirectory();
  const header = [
    'id',
    '名称',
    '正式名称',
    '種別',
    '種別の出典',
    '郵便番号',
    '住所',
    '町名',
    '丁目',
    '診療科',
    '診療科の出典',
    '緯度',
    '経度',
    '位置の精度',
    '最寄り駅',
    '最寄り駅の出典',
    '電話',
    '保険医療機関コード',
    '最終確認日',
  ];
  const rows = dir.facilities.map((f) => [
    f.id,
    f.name.display,
    f.name.official,
    f.kind,
    f.provenance.kind?.source,
    f.address.postalCode,
    `東京都${f.address.published}`,
    f.address.town,
    f.address.chome,
    f.departments.map((d) => d.name ?? dir.departments.get(d.code)?.name).join(' '),
    f.provenance.departments?.source,
    f.position?.lat,
    f.position?.lon,
    f.position?.precision,
    f.access.stations.map((s) => dir.stations.get(s.station)?.name).join(' '),
    f.provenance.access?.source,
    f.contact.phone,
    f.codes.insurance,
    f.lastVerified,
  ]);
  return new Response(openDataCsv(header, rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
