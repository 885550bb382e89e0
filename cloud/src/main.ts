/** Runs the cloud service on its own: `tsx cloud/src/main.ts` (settings: see config.ts). */
import { cloudOptionsFromEnv } from './config';
import { DEMO_CLOUD, startCloud } from './index';

const options = cloudOptionsFromEnv();
const cloud = await startCloud(options);
process.stdout.write(`Brigade cloud on ${cloud.url} (${cloud.ctx.database.kind})\n`);
if (options.seedDemo) process.stdout.write(`  dashboard login: ${DEMO_CLOUD.ownerEmail} / ${DEMO_CLOUD.ownerPassword}\n`);
const stop = () => {
  void cloud.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
