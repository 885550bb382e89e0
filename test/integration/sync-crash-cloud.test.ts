/**
 * Crash test of the cloud (issue 6; sync.md §8.4 in the design notes): the real cloud process
 * is started armed with `cloud.after-commit-before-ack` and kills itself with SIGKILL right
 * after a push committed, before the edge hears the ack. The real edge keeps selling; when the
 * cloud is back (same port, same database) the edge sends the same mutations again, the cloud
 * answers `duplicate` from its ledger, and nothing is applied twice. Run on PostgreSQL and on
 * PGlite, whose data folder must reopen after the kill.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { type PostgresCluster, startPostgres } from '../support/postgres';
import { cloudLastSeq, readEdge } from '../support/crash/convergence';
import { diedAtCrashPoint, killAll, startEdgeProcess } from '../support/crash/processes';
import { CloudStage, enrolledEdge, settleEdge } from '../support/crash/stage';
import { Workload } from '../support/crash/workload';

let postgres: PostgresCluster | undefined;
const stages: CloudStage[] = [];

afterAll(async () => {
  for (const stage of stages) await stage.stop();
  killAll();
  await postgres?.stop();
  for (const stage of stages) stage.cleanUp();
});

describe.each(['postgres', 'pglite'] as const)('the cloud on %s killed with SIGKILL after a push committed, before its ack', (backend) => {
  it('gets the same mutations again after the restart and applies none twice', async () => {
    let databaseUrl: string | undefined;
    if (backend === 'postgres') {
      postgres ??= await startPostgres();
      databaseUrl = await postgres.createDatabase();
    }
    const cloud = await CloudStage.create(databaseUrl);
    stages.push(cloud);
    await cloud.start();
    const { dataDir, pos } = await enrolledEdge(cloud);
    await cloud.stop();
    const armed = await cloud.start('cloud.after-commit-before-ack');

    const edge = await startEdgeProcess({ dataDir, cloudUrl: cloud.url });
    const work = new Workload();
    // The store sells on whatever the cloud does: every command is answered.
    await work.drive(edge.url, pos);
    expect(work.done).toBe(true);
    expect((await diedAtCrashPoint(armed)).signal).toBe('SIGKILL');

    // The cloud committed what the edge still holds: exactly the state a lost ack leaves.
    const atCrash = readEdge(dataDir);
    const committed = await cloud.read((db) => cloudLastSeq(db, atCrash));
    expect(committed).toBeGreaterThan(0);
    expect(atCrash.outboxFirstSeq).not.toBeNull();
    expect(atCrash.outboxFirstSeq ?? Infinity).toBeLessThanOrEqual(committed);

    await cloud.start();
    expect(await settleEdge(cloud, edge, dataDir, pos)).toEqual([]);
    expect((await edge.stop()).code).toBe(0);
    const settled = readEdge(dataDir);
    expect([...settled.orders.keys()]).toEqual(expect.arrayContaining(work.orderIds));
    expect(await cloud.pushDifferences(settled, work.acknowledged())).toEqual([]);
  }, 120_000);
});
