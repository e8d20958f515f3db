/** The visitor forms: their frame and script (`forms`), and the contact, correction and data-request pages. */
export const forms = {
  required: '必須',
  optional: '任意',
  honeypot: 'この欄は空のままにしてください',
  agreeHtml: (privacyHref: string) => `<a href="${privacyHref}">プライバシーポリシー</a>に同意します`,
  requestNumber: '受付番号',
  /** Said by src/scripts/forms.ts while sending and when sending fails. */
  problems: (n: number) => `入力内容に ${n} 件の問題があります。`,
  sending: '送信しています…',
  sendFailed: '送信できませんでした。時間をおいてもう一度お試しください。',
  offline: '通信できませんでした。接続を確認して、もう一度お試しください。',
  emailLabel: 'メールアドレス',
  backToTop: 'トップページへ',
};

export const contact = {
  description: '中野区診療所データベースへのお問い合わせ',
  intro: 'このサイトについてのご質問・ご意見をお寄せください。原則として 14 日以内に、入力されたメールアドレスへご返信します。',
  pointersHtml: [
    '掲載されている医療機関の情報が違っているときは、<a href="/corrections/">修正依頼フォーム</a>が便利です。',
    'ご自身の個人データの開示・訂正・削除などは、<a href="/data-request/">個人データに関する請求フォーム</a>からどうぞ。',
    '診療や予約については、各医療機関へ直接お問い合わせください。このフォームでは医療相談にはお答えできません。',
  ],
  submit: '送信する',
  nameLabel: 'お名前',
  emailHint: 'ご返信に使います。',
  messageLabel: 'お問い合わせ内容',
  messageHint: (max: number) => `${max} 文字まで。病状など、医療に関する個人情報は書かないでください。`,
  thanksTitle: 'お問い合わせを受け付けました',
  thanksDescription: 'お問い合わせの受付完了',
  thanksHeading: 'お問い合わせを受け付けました',
  thanksPlaceholder: '（確認メールに記載しています）',
  thanksBody: '確認のメールをお送りしました。原則として 14 日以内にご返信します。お問い合わせの際は受付番号をお知らせください。',
  thanksNote: 'メールが届かないときは、迷惑メールフォルダをご確認ください。',
};

export const corrections = {
  title: '掲載情報の修正依頼',
  description: '医療機関の掲載情報の誤りを報告する',
  introHtml:
    '医療機関の名称・住所・電話番号・診療時間などが違っているときは、このフォームでお知らせください。編集担当が根拠を確認してから掲載を更新します。報告の内容（施設・項目・正しい内容・根拠）は、編集作業のため公開の課題管理（GitHub）に載せます。<strong>お名前やメールアドレスは載せません。</strong>',
  submit: '修正を依頼する',
  facilityLabel: '医療機関',
  facilityPlaceholder: '選んでください',
  /** A facility in the list: its name and where it is (the address stays Japanese). */
  facilityOption: (name: string, town: string, chome: number | undefined) => `${name}（${town}${chome ? `${chome}丁目` : ''}）`,
  fieldLabel: '違っている項目',
  fieldPlaceholder: '選んでください',
  proposedLabel: '正しい内容',
  proposedHint: '例: 電話番号は 03-1234-5678 です／土曜日の午後は休診です',
  evidenceLabel: '根拠',
  evidenceHint: '公式サイトの URL、院内の掲示、電話で確認した日など',
  emailHint: '確認したいことがあるときだけ連絡します。公開しません。',
  thanksTitle: '修正依頼を受け付けました',
  thanksDescription: '修正依頼の受付完了',
  thanksHeading: '修正依頼を受け付けました',
  thanksBody: 'ご報告ありがとうございます。編集担当が根拠を確認してから掲載を更新します。メールアドレスを入力された方には確認のメールをお送りしました。',
  thanksNote: '報告者の情報は公開されません。',
};

export const dataRequest = {
  title: '個人データに関する請求',
  description: '開示・訂正・追加・削除・利用停止・第三者提供の停止などの請求',
  introHtml:
    '個人情報保護法にもとづき、当社が保有するあなたの個人データについて、次の請求ができます。詳しくは<a href="/privacy/">プライバシーポリシー</a>をご覧ください。',
  stepsHtml: [
    'このフォームで請求します。受付番号をお知らせします。',
    '確認メールのリンクを <strong>24 時間以内</strong>に開いて、メールアドレスがご本人のものであることを確かめてください。',
    '必要に応じて、本人確認書類（代理人の場合は代理権を確認できる書類）をお願いします。',
    '確認ができてから遅滞なく、原則として 14 日以内にメールでお答えします。お応えできない場合は、その理由をお知らせします。',
  ],
  phone: 'フォームを使わない場合は、電話 03-6665-0529（平日 10:00〜17:00）でも受け付けます。',
  /** What each kind of request does, keyed like labels.requestType. */
  typeHint: {
    disclosure: '当社が保有するあなたの個人データをお知らせします',
    correction: '誤っている内容を正しくします',
    addition: '足りない内容を加えます',
    deletion: '個人データを消去します',
    suspension: '個人データの利用をやめます',
    'third-party-stop': '第三者への提供をやめます',
    'purpose-notice': 'あなたの個人データを何のために使っているかをお知らせします',
    'third-party-record': '第三者に提供した・受け取った記録をお知らせします',
  },
  submit: '請求する',
  typeLabel: '請求の種類',
  nameLabel: 'お名前',
  emailHint: '確認のリンクと回答をお送りします。当社にご登録のメールアドレスがあれば、それをお使いください。',
  relationLabel: '請求する方',
  principalNameLabel: 'ご本人のお名前（代理人の場合）',
  detailsLabel: '請求の内容',
  detailsHint: '対象となる情報（例: 編集者アカウント、人物ページ、お問い合わせ）と、訂正・追加の場合は正しい内容を書いてください。',
  thanksTitle: '請求を受け付けました',
  thanksDescription: '個人データに関する請求の受付',
  thanksHeading: '請求を受け付けました — メールをご確認ください',
  thanksBodyHtml:
    '確認のメールをお送りしました。<strong>24 時間以内</strong>に、メールにあるリンクを開いてください。リンクを開くまで、請求への対応は始まりません。',
  thanksNote: 'メールが届かないときは、迷惑メールフォルダをご確認のうえ、受付番号を添えて電話 03-6665-0529（平日 10:00〜17:00）までご連絡ください。',
  verifyTitle: 'メールアドレスの確認',
  verifyDescription: '個人データに関する請求のメールアドレス確認',
  verifyBody: '個人データに関する請求を確定するには、下のボタンを押してください。このページを開いただけでは確定しません。',
  verifyNotYou: 'この請求に心当たりがない場合は、ボタンを押さずにこのページを閉じてください。請求は進みません。',
  verifyButton: 'この請求を確定する',
  verifiedTitle: 'メールアドレスの確認',
  verifiedHeading: 'メールアドレスを確認しました',
  verifiedErrorHeading: 'メールアドレスを確認できませんでした',
  verifiedBody: '担当者が請求の内容を確認し、遅滞なく（原則として 14 日以内に）メールでお答えします。本人確認のため、書類をお願いすることがあります。',
  backToForm: '請求フォームへ',
};
