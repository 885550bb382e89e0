/**
 * `npm run backup -- <file>` and `npm run restore -- <file>` for the store's database, in the
 * data folder named by BRIGADE_DATA_DIR (default ./data/edge).
 */
import { resolve } from 'node:path';
import { loadConfig } from '../config';
import { BackupError, backupEdgeDatabase, restoreEdgeDatabase } from './backup';

const [action, file] = process.argv.slice(2);
const { dataDir } = loadConfig();
try {
  if (action === 'backup' && file) {
    const { pages } = await backupEdgeDatabase(dataDir, resolve(file));
    process.stdout.write(`Backed up the store database (${pages} pages) to ${resolve(file)}.\n`);
  } else if (action === 'restore' && file) {
    const { epoch, previous, carried } = restoreEdgeDatabase(dataDir, resolve(file));
    const kept = previous ? ` The replaced database is kept as ${previous}.` : '';
    const queued = carried > 0 ? ` ${carried} changes it had not yet sent to the cloud will still be sent.` : '';
    process.stdout.write(`Restored ${resolve(file)}. Sync continues in epoch ${epoch}.${kept}${queued}\n`);
  } else {
    process.stderr.write('Usage: npm run backup -- <file>   |   npm run restore -- <file>\n');
    process.exit(2);
  }
} catch (err) {
  if (!(err instanceof BackupError)) throw err;
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
}
