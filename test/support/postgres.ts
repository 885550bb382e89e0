/**
 * A throwaway PostgreSQL 15 cluster for tests: initdb + pg_ctl in a temporary folder on a
 * free port, run as the `postgres` user because the server refuses to run as root.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const DEFAULT_BIN = process.env.BRIGADE_PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface PostgresCluster {
  readonly port: number;
  /** A fresh empty database on the cluster; returns its URL. */
  createDatabase(name?: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startPostgres(config: { bin?: string } = {}): Promise<PostgresCluster> {
  const BIN = config.bin ?? DEFAULT_BIN;
  for (const tool of ['initdb', 'pg_ctl']) {
    if (!existsSync(join(BIN, tool))) {
      throw new Error(`PostgreSQL server binaries not found in ${BIN}: install the Debian package postgresql (apt-get install postgresql)`);
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'brigade-pg-'));
  const asRoot = process.getuid?.() === 0;
  const run = (tool: string, args: string[]): void => {
    const command = asRoot ? '/usr/sbin/runuser' : join(BIN, tool);
    const argv = asRoot ? ['-u', 'postgres', '--', join(BIN, tool), ...args] : args;
    execFileSync(command, argv, { stdio: 'pipe', cwd: dir });
  };
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  run('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  let counter = 0;
  return {
    port,
    async createDatabase(name) {
      const db = name ?? `brigade_test_${process.pid}_${++counter}`;
      const admin = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE "${db}"`);
      } finally {
        await admin.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${db}`;
    },
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      return Promise.resolve();
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
