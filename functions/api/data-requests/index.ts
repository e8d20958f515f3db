/** POST /api/data-requests — 開示・訂正・追加・削除・利用停止・第三者提供の停止・利用目的の通知・第三者提供記録の開示. */
import { dataRequestForm } from '../../_lib/forms.ts';
import { formEndpoint } from '../../_lib/submit.ts';

export const onRequest = formEndpoint(dataRequestForm);
