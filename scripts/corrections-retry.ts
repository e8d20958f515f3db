#!/usr/bin/env node
/**
 * `npm run corrections:retry`: open the GitHub issues of correction reports that are still waiting (GitHub
 * was down or the token was wrong). Asks the running site to retry, so the same code and secrets do it:
 * `npm start` locally, or `--site https://…` with OPS_TOKEN for production. Each new report retries too.
 */
import { retryOnSite } from './lib/forms-d1.ts';

const r = await retryOnSite(process.argv.slice(2), 'github-issue');
console.log(`修正依頼の Issue: 作成 ${r.sent} 件、失敗 ${r.failed + r.gaveUp} 件、再送待ちの残り（メールを含む）${r.waiting} 件`);
process.exit(r.failed + r.gaveUp > 0 ? 1 : 0);
