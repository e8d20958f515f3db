/** POST /api/people-withdrawals — 公開をやめる: the registered address confirms, then D1 is marked and a PR removes the profile. */
import { personWithdrawalForm } from '../../_lib/forms.ts';
import { formEndpoint } from '../../_lib/submit.ts';

export const onRequest = formEndpoint(personWithdrawalForm);
