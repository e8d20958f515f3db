/** Words of the symptom index (/symptoms/) and of the search page's symptom note. */
import type { Symptom } from '../../lib/schema/index.ts';

export const symptoms = {
  nav: '症状から探す',
  title: '症状から探す',
  description: '頭痛・せき・発熱・腰痛など、症状や体の部位から受診先の目安となる診療科と中野区の医療機関を探せます。',
  lead: '症状や体の部位から、受診先の目安となる診療科を探せます。診療科の名前を押すとその診療科の医療機関の一覧、「この症状で探す」を押すと検索結果が開きます。',
  caution: '受診先の目安です。急な症状は #7119（東京消防庁 救急相談センター）へ。命にかかわると思ったら、迷わず 119 番に電話してください。',
  childCaution: 'お子さんの急な病気やけがは、#8000（こども医療でんわ相談）でも相談できます。',
  groups: {
    'whole-body': '全身・熱',
    head: '頭・神経',
    eye: '目',
    'ear-nose-throat': '耳・鼻・のど',
    'mouth-teeth': '口・歯',
    chest: '胸・呼吸・心臓',
    abdomen: 'おなか',
    skin: '皮膚・けが',
    'bones-joints': '骨・関節・筋肉',
    urinary: '尿・排尿',
    women: '女性の体',
    mind: 'こころ・睡眠',
    children: '子ども',
  } satisfies Record<Symptom['group'], string>,
  groupsNav: '部位',
  name: (s: Pick<Symptom, 'name' | 'en'>) => s.name,
  reading: (s: Pick<Symptom, 'kana'>) => `（${s.kana}）`,
  departments: '受診先の目安',
  search: 'この症状で探す',
  count: (n: number) => `${n}件`,
  urgent: '急ぐとき',
  sourceHeading: 'この対応表について',
  source:
    'この対応表は中野区診療所データベースの運営者が、よくある症状の一般的な受診先の目安としてまとめたものです。医師による監修は受けていません。診療科の名前は厚生労働省の診療科目コードに、急ぐべき症状の目安は東京消防庁「救急受診ガイド」の考え方に沿っています。',
  sourceMore: '誤りや追加したい症状は、お問い合わせからお知らせください。',
};
