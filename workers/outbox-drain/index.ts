/**
 * The outbox drain Worker: Cloudflare runs `scheduled` every minute (Cron Trigger in wrangler.toml beside
 * this file), bound to the same D1 database as the Pages project. Locally `npm start` and the tests run it
 * through `wrangler dev --test-scheduled` (GET /__scheduled), which answers once the drain has finished.
 */
import { drain } from '../../functions/_lib/drain.ts';

const worker: ExportedHandler<Env> = {
  async scheduled(controller, env) {
    await drain(env, controller.scheduledTime);
  },
  // Deployed, no URL reaches the Worker (workers_dev = false, no route); locally this answers the start-up
  // check of scripts/lib/dev-server.ts without running the drain.
  fetch: () => new Response('outbox drain: runs on its schedule only\n', { status: 404 }),
};

export default worker;
