/**
 * Credits for every dataset the site publishes from, shown on /about/ and embedded in the open-data
 * export. Licences as stated in ../shared/data/SOURCE.md.
 */
import type { Dataset } from '../schema/index.ts';

export interface Credit {
  dataset: Dataset;
  licence: { ja: string; en: string };
  url?: string;
  use: { ja: string; en: string };
  /** Attribution text required by the licence. */
  credit?: string;
}

export const CREDITS: readonly Credit[] = [
  {
    dataset: 'kouseikyoku-hokeniryokikan-2025-08',
    licence: { ja: '政府標準利用規約（第2.0版）に準拠と想定（要確認）', en: 'Government of Japan Standard Terms of Use 2.0 assumed (to be verified)' },
    url: 'https://kouseikyoku.mhlw.go.jp/kantoshinetsu/',
    use: { ja: '掲載する医療機関、名称、所在地、郵便番号、医療機関コード', en: 'The listed facilities, their names, addresses, postal codes and codes' },
    credit: '出典: 関東信越厚生局「保険医療機関・保険薬局の指定一覧」（2025年8月）を加工して作成',
  },
  {
    dataset: 'mhlw-shinryo-kamoku-codes',
    licence: { ja: '公共データ利用規約 第1.0版（PDL1.0）／対応表は MIT', en: 'Public Data License 1.0 (PDL1.0); mapping table MIT' },
    url: 'https://www.mhlw.go.jp/stf/seisakunitsuite/bunya/kenkou_iryou/iryou/newpage_43373.html',
    use: { ja: '診療科の名称とコード', en: 'Department names and codes' },
    credit: '「医療情報ネットのオープンデータ」（厚生労働省）を加工して作成（nyampire/jp-healthcare-osm の対応表を利用）',
  },
  {
    dataset: 'geolonia-japanese-addresses',
    licence: { ja: 'CC BY 4.0', en: 'CC BY 4.0' },
    url: 'https://github.com/geolonia/japanese-addresses',
    use: {
      ja: '町丁目の一覧と代表点（地図上のおおよその位置、最寄り駅の推定）',
      en: 'Chōme list and representative points (approximate positions, nearest stations)',
    },
    credit: '出典: Geolonia 住所データ（国土交通省 位置参照情報・日本郵便 郵便番号データに基づく）',
  },
  {
    dataset: 'japanpost-ken-all-2025-10',
    licence: { ja: '日本郵便は著作権を主張せず、自由に配布可能', en: 'Japan Post claims no copyright; free to redistribute' },
    url: 'https://www.post.japanpost.jp/zipcode/download.html',
    use: { ja: '町名の読み', en: 'Town readings' },
  },
  {
    dataset: 'ekidata-2024-04-26',
    licence: {
      ja: '駅データ.jp 無料データの利用規約（再配布条件は未確認のため、駅の名称・位置のみ掲載）',
      en: 'ekidata.jp free data terms (redistribution not verified; only names and positions are shown)',
    },
    url: 'https://ekidata.jp/',
    use: { ja: '駅の名称、路線、位置（最寄り駅の推定）', en: 'Station names, lines and positions (nearest-station estimates)' },
    credit: '駅データ.jp（2024年4月26日版）',
  },
  {
    dataset: 'iryoho-sekorei-3-2',
    licence: { ja: '法令（著作権の対象外）', en: 'Statute (not copyrightable)' },
    use: { ja: '標榜できる診療科名と旧名称（検索の別名）', en: 'Statutory department names and legacy names (search synonyms)' },
  },
];
