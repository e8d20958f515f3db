/**
 * Mails, in Japanese and English, and their delivery through SendGrid's v3 API
 * (POST /v3/mail/send, https://www.twilio.com/docs/sendgrid/api-reference/mail-send/mail-send).
 *
 * Acknowledgements echo nothing the visitor typed (no name, no message): the address is not verified yet,
 * so the form must not become a way to send someone else text of one's choosing.
 */
import { messages } from '../../src/i18n/index.ts';
import { DATA_REQUEST_TYPES, type CorrectionField, type DataRequestType, type RequestKind } from '../../src/lib/schema/forms.ts';
import type { Lang } from './http.ts';

export interface Mail {
  requestId: string;
  to: string;
  subject: string;
  text: string;
  replyTo?: string | undefined;
  lang: Lang;
}

const SITE = { ja: '中野区診療所データベース', en: 'Nakano Clinic Database' } as const;
const OPERATOR = {
  ja: '運営: アルトライテクノロジーズ株式会社\n電話 03-6665-0529（平日 10:00〜17:00）',
  en: 'Operated by ALTRY Technologies Inc.\nPhone +81-3-6665-0529 (weekdays 10:00–17:00 JST)',
} as const;
const NO_REPLY = {
  ja: 'このメールは送信専用です。お心当たりのない場合は、このメールを破棄してください。',
  en: 'This address does not receive replies. If you did not send this request, please ignore this mail.',
} as const;

/** A mail to a visitor: the body, then the no-reply note and the operator's signature. */
const visitorMail = (a: { lang: Lang; requestId: string; to: string }, subject: string, body: string): Mail => ({
  requestId: a.requestId,
  to: a.to,
  lang: a.lang,
  subject,
  text: `${body}\n\n${NO_REPLY[a.lang]}\n\n--\n${SITE[a.lang]}\n${OPERATOR[a.lang]}\n`,
  replyTo: undefined,
});

export interface AckInput {
  kind: RequestKind;
  lang: Lang;
  requestId: string;
  to: string;
  /** Data requests: the right exercised. */
  type?: DataRequestType;
  /** Data requests: the one-time verification link. */
  verifyUrl?: string;
  /** Corrections and facility updates: the facility's display name (public data). */
  facilityName?: string;
}

export function ackMail(a: AckInput): Mail {
  const { lang, requestId: id } = a;
  const ja = lang === 'ja';
  let subject: string;
  let body: string;
  if (a.kind === 'data-request') {
    const label = messages(lang).labels.requestType[a.type ?? 'disclosure'];
    subject = ja
      ? `【${SITE.ja}】${label}請求の受付とメールアドレスの確認（${id}）`
      : `[${SITE.en}] Please confirm your ${label.toLowerCase()} request (${id})`;
    body = ja
      ? `保有個人データに関する請求（${label}）を受け付けました。\n受付番号: ${id}\n\nご本人のメールアドレスであることを確認するため、24 時間以内に次のリンクを開いてください。リンクは一度だけ使えます。\n${a.verifyUrl}\n\n確認後、担当者が内容を確認し、原則として 14 日以内にご連絡します。ご本人確認のため、追加で書類をお願いすることがあります。`
      : `We have received your request (${label}).\nRequest number: ${id}\n\nTo confirm that this email address is yours, please open this link within 24 hours. It works once.\n${a.verifyUrl}\n\nOnce confirmed, we will review the request and reply, as a rule within 14 days. We may ask for documents to confirm your identity.`;
  } else if (a.kind === 'facility-update') {
    subject = ja ? `【${SITE.ja}】掲載情報の更新の受付とメールアドレスの確認（${id}）` : `[${SITE.en}] Please confirm your listing update (${id})`;
    body = ja
      ? `「${a.facilityName}」の掲載情報の更新を受け付けました。\n受付番号: ${id}\n\n送信した方のメールアドレスであることを確認するため、24 時間以内に次のリンクを開き、「確認する」ボタンを押してください。リンクは一度だけ使えます。\n${a.verifyUrl}\n\n確認が済むと、変更内容は審査担当者に届きます。審査担当者が医療機関の公表電話番号へ折り返しお電話し、ご本人と内容を確認してから掲載を更新します。`
      : `We have received an update to the listing of "${a.facilityName}".\nRequest number: ${id}\n\nTo confirm that this email address is yours, please open this link within 24 hours and press "Confirm". It works once.\n${a.verifyUrl}\n\nOnce confirmed, the change goes to a reviewer, who will call the facility's published phone number to confirm it with you before the listing is updated.`;
  } else if (a.kind === 'person-registration') {
    subject = ja ? `【${SITE.ja}】スタッフ紹介の登録の受付とメールアドレスの確認（${id}）` : `[${SITE.en}] Please confirm your staff profile (${id})`;
    body = ja
      ? `スタッフ紹介の登録を受け付けました。\n受付番号: ${id}\n\nご本人のメールアドレスであることを確認するため、24 時間以内に次のリンクを開き、「確認する」ボタンを押してください。リンクは一度だけ使えます。\n${a.verifyUrl}\n\n確認が済むと、審査担当者が資格と勤務先を確認してから、公開に同意した項目だけを掲載します。`
      : `We have received your staff profile.\nRequest number: ${id}\n\nTo confirm that this email address is yours, please open this link within 24 hours and press "Confirm". It works once.\n${a.verifyUrl}\n\nOnce confirmed, a reviewer checks your qualifications and workplace, then publishes only the sections you agreed to publish.`;
  } else if (a.kind === 'person-withdrawal') {
    subject = ja ? `【${SITE.ja}】スタッフ紹介の公開をやめる手続きの確認（${id}）` : `[${SITE.en}] Please confirm: stop publishing your staff profile (${id})`;
    body = ja
      ? `スタッフ紹介の公開をやめる申し出を受け付けました。\n受付番号: ${id}\n\nご登録のメールアドレスの持ち主であることを確認するため、24 時間以内に次のリンクを開き、「確認する」ボタンを押してください。リンクは一度だけ使えます。\n${a.verifyUrl}\n\n確認が済むと、プロフィールのページを削除する手続きに入ります。`
      : `We have received a request to stop publishing your staff profile.\nRequest number: ${id}\n\nTo confirm that you own the registered address, please open this link within 24 hours and press "Confirm". It works once.\n${a.verifyUrl}\n\nOnce confirmed, we remove the profile page.`;
  } else if (a.kind === 'correction') {
    subject = ja ? `【${SITE.ja}】修正依頼を受け付けました（${id}）` : `[${SITE.en}] We received your correction report (${id})`;
    body = ja
      ? `「${a.facilityName}」の掲載情報についての修正依頼を受け付けました。\n受付番号: ${id}\n\n編集担当が根拠を確認してから掲載を更新します。確認のためご連絡することがあります。`
      : `We received your correction report about "${a.facilityName}".\nRequest number: ${id}\n\nAn editor will check the evidence before updating the listing, and may contact you with a question.`;
  } else {
    subject = ja ? `【${SITE.ja}】お問い合わせを受け付けました（${id}）` : `[${SITE.en}] We received your message (${id})`;
    body = ja
      ? `お問い合わせありがとうございます。\n受付番号: ${id}\n\n担当者から、原則として 14 日以内にご返信します。`
      : `Thank you for your message.\nRequest number: ${id}\n\nWe will reply, as a rule within 14 days.`;
  }
  return visitorMail(a, subject, body);
}

/**
 * To the submitter of a self-service change, once its pull request is open: that it is with a reviewer, and
 * what happens next. Like every mail to a visitor it echoes nothing they typed.
 */
export function inReviewMail(a: { lang: Lang; requestId: string; to: string; facilityName?: string }): Mail {
  const ja = a.lang === 'ja';
  if (a.facilityName === undefined) {
    const subject = ja
      ? `【${SITE.ja}】スタッフ紹介の登録を審査に回しました（${a.requestId}）`
      : `[${SITE.en}] Your staff profile is with a reviewer (${a.requestId})`;
    const body = ja
      ? `スタッフ紹介の登録は、メールアドレスの確認が済み、審査担当者に届きました。\n受付番号: ${a.requestId}\n\n審査担当者が資格を公的な名簿で確認し、勤務先の公表電話番号へ確認のお電話をします。確認できしだい掲載し、このアドレスにお知らせします。掲載をやめたいときは、プロフィールのページの「公開をやめる」からいつでも手続きできます。`
      : `Your staff profile is confirmed and with a reviewer.\nRequest number: ${a.requestId}\n\nThe reviewer checks your qualifications in the public registers and calls your workplace's published number. Once confirmed, the profile is published and we let you know at this address. You can stop publication at any time with "Stop publishing" on your profile page.`;
    return visitorMail(a, subject, body);
  }
  const subject = ja
    ? `【${SITE.ja}】掲載情報の更新を審査に回しました（${a.requestId}）`
    : `[${SITE.en}] Your listing update is with a reviewer (${a.requestId})`;
  const body = ja
    ? `「${a.facilityName}」の掲載情報の更新は、メールアドレスの確認が済み、審査担当者に届きました。\n受付番号: ${a.requestId}\n\n審査担当者が医療機関の公表電話番号へ折り返しお電話します。内容が確認できしだい掲載を更新します（通常 5 営業日以内）。確認できない場合は、理由を添えてこのアドレスにお知らせします。`
    : `Your update to the listing of "${a.facilityName}" is confirmed and with a reviewer.\nRequest number: ${a.requestId}\n\nThe reviewer will call the facility's published phone number. Once the change is confirmed the listing is updated (usually within 5 working days). If it cannot be confirmed, we will tell you why at this address.`;
  return visitorMail(a, subject, body);
}

/**
 * The outcome of a self-service change, queued by the operator's `npm run requests -- set-status` when the
 * review ends: published (the PR was merged) or not, with the reviewer's reason. The reason is the reviewer's
 * text, never the sender's.
 */
export function outcomeMail(a: { lang: Lang; requestId: string; to: string; facilityName: string; published: boolean; reason?: string | undefined }): Mail {
  const ja = a.lang === 'ja';
  const subject = a.published
    ? ja
      ? `【${SITE.ja}】掲載情報を更新しました（${a.requestId}）`
      : `[${SITE.en}] Your listing has been updated (${a.requestId})`
    : ja
      ? `【${SITE.ja}】掲載情報の更新を見送りました（${a.requestId}）`
      : `[${SITE.en}] We could not make your listing update (${a.requestId})`;
  const body = a.published
    ? ja
      ? `「${a.facilityName}」の掲載情報を、いただいた内容で更新しました。\n受付番号: ${a.requestId}\n\nサイトへの反映には数分かかることがあります。`
      : `The listing of "${a.facilityName}" has been updated with your change.\nRequest number: ${a.requestId}\n\nIt may take a few minutes to appear on the site.`
    : ja
      ? `「${a.facilityName}」の掲載情報の更新は、審査の結果、見送りました。\n受付番号: ${a.requestId}\n理由: ${a.reason ?? ''}\n\n内容を直して、もう一度フォームから送ることができます。`
      : `We did not make the update to the listing of "${a.facilityName}".\nRequest number: ${a.requestId}\nReason: ${a.reason ?? ''}\n\nYou can correct it and send it again from the form.`;
  return visitorMail(a, subject, body);
}

/** 登録内容を更新する: the single-use link to the pre-filled registration form, to the registered address only. */
export function editLinkMail(a: { lang: Lang; requestId: string; to: string; url: string }): Mail {
  const ja = a.lang === 'ja';
  const subject = ja
    ? `【${SITE.ja}】スタッフ紹介の登録内容を更新するためのリンク（${a.requestId}）`
    : `[${SITE.en}] Link to update your staff profile (${a.requestId})`;
  const body = ja
    ? `スタッフ紹介の登録内容を更新するためのリンクです。24 時間以内に開いてください。一度だけ使えます。\n${a.url}\n\n登録内容（公開していない項目を含む）が入った状態で開きます。このメールを人に転送しないでください。`
    : `Here is the link to update your staff profile. Please open it within 24 hours; it works once.\n${a.url}\n\nIt opens the form filled in with your registration, unpublished sections included. Please do not forward this mail.`;
  return visitorMail(a, subject, body);
}

/** After a confirmed 「公開をやめる」: what happens now. Echoes nothing. */
export function withdrawalMail(a: { lang: Lang; requestId: string; to: string }): Mail {
  const ja = a.lang === 'ja';
  const subject = ja ? `【${SITE.ja}】スタッフ紹介の公開をやめます（${a.requestId}）` : `[${SITE.en}] Your staff profile will be removed (${a.requestId})`;
  const body = ja
    ? `確認が済みました。プロフィールのページを削除する手続きに入りました。\n受付番号: ${a.requestId}\n\n通常 3 営業日以内にサイトから削除し、このアドレスにお知らせします。当社が保管している登録内容の削除もご希望の場合は、個人データに関する請求（削除）からお申し出ください。`
    : `Confirmed. We have started removing your profile page.\nRequest number: ${a.requestId}\n\nIt is usually removed within 3 working days and we let you know at this address. If you also want us to delete what we keep about your registration, please send a data request (deletion).`;
  return visitorMail(a, subject, body);
}

export interface OperatorInput {
  kind: RequestKind;
  requestId: string;
  to: string;
  due: string;
  type?: string | null;
  /** Contact form: the message, so the operator can answer (reply-to is the visitor). */
  contact?: { name: string; email: string; message: string };
  /** Correction reports: public facts only. */
  correction?: { facilityId: string; facilityName: string; field: CorrectionField; proposed: string; evidence: string; reporterGaveEmail: boolean };
}

/** A data request's right in Japanese, or the stored value when it is not one (an old row). */
export const requestTypeLabel = (t: string): string =>
  (DATA_REQUEST_TYPES as readonly string[]).includes(t) ? messages('ja').labels.requestType[t as DataRequestType] : t;

/** Notice to the operator, in Japanese. The subject carries the id and kind only, never personal data. */
export function operatorMail(o: OperatorInput): Mail {
  const kindLabel = {
    contact: 'お問い合わせ',
    correction: '修正依頼',
    'data-request': '個人データ請求',
    'facility-update': '掲載情報の更新（医療機関）',
    'person-registration': 'スタッフ掲載の登録',
    'person-withdrawal': 'スタッフ掲載の取り下げ',
  }[o.kind];
  const typeLabel = o.kind === 'data-request' && o.type ? `（${requestTypeLabel(o.type)}）` : '';
  const lines = [`${kindLabel}${typeLabel}を受け付けました。`, `受付番号: ${o.requestId}`, `対応期限（目安）: ${o.due.slice(0, 10)}`, ''];
  if (o.contact) lines.push(`お名前: ${o.contact.name}`, `メール: ${o.contact.email}`, '', o.contact.message, '');
  if (o.correction) {
    const c = o.correction;
    lines.push(
      `施設: ${c.facilityName}（${c.facilityId}）`,
      `項目: ${messages('ja').labels.correctionField[c.field]}`,
      `正しい内容: ${c.proposed}`,
      `根拠: ${c.evidence}`,
      `報告者の連絡先: ${c.reporterGaveEmail ? 'あり（台帳に暗号化して保存）' : 'なし'}`,
      '',
    );
  }
  if (o.kind === 'facility-update')
    lines.push('送信者のメール確認が済むと、変更は PR になります（ラベル facility-update）。送信者の連絡先は PR に書かず、台帳で確認します:', '');
  if (o.kind === 'data-request') lines.push('ご本人のメール確認が済むまで対応を始めないでください。内容は台帳で確認します:', '');
  lines.push(`  npm run requests -- show ${o.requestId}`, '', `手順: docs/operations/${o.kind === 'facility-update' ? 'self-service' : 'data-requests'}.md`);
  return {
    requestId: o.requestId,
    to: o.to,
    lang: 'ja',
    subject: `[${SITE.ja}] ${kindLabel}${typeLabel} ${o.requestId}`,
    text: lines.join('\n'),
    replyTo: o.contact?.email,
  };
}

/** The SendGrid v3 mail/send body for one mail. */
export function sendGridPayload(m: Mail, from: string): unknown {
  return {
    personalizations: [{ to: [{ email: m.to }] }],
    from: { email: from, name: SITE[m.lang] },
    ...(m.replyTo ? { reply_to: { email: m.replyTo } } : {}),
    subject: m.subject,
    content: [{ type: 'text/plain', value: m.text }],
    custom_args: { request_id: m.requestId },
    tracking_settings: { click_tracking: { enable: false }, open_tracking: { enable: false } },
  };
}

/** Sends one mail; returns an error code (HTTP status or error class) on failure, never the response body. */
export async function sendMail(cfg: { apiKey: string; base: string }, from: string, m: Mail): Promise<{ ok: true } | { ok: false; error: string }> {
  try {
    const res = await fetch(`${cfg.base}/v3/mail/send`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${cfg.apiKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(sendGridPayload(m, from)),
      signal: AbortSignal.timeout(15_000),
    });
    await res.body?.cancel();
    return res.status === 202 || res.status === 200 ? { ok: true } : { ok: false, error: `http-${res.status}` };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.name : 'error' };
  }
}
