/**
 * Crash tests of the cloud (issue 6; sync.md §8.4 in the design notes). The real cloud process
 * kills itself with SIGKILL first inside a push transaction (`cloud.mid-push-transaction`: rows
 * written, no COMMIT), then right after a push committed, before the edge hears the ack
 * (`cloud.after-commit-before-ack`). The real edge keeps selling; each time the cloud is back
 * (same port, same database) the edge sends the same mutations again, the cloud answers
 * `duplicate` for what it holds, and nothing is lost or applied twice. Run on PostgreSQL and on
 * PGlite, whose data folder must reopen after each kill.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { type PostgresCluster, startPostgres } from '../support/postgres';
import { cloudLastSeq, readEdge } from '../support/crash/convergence';
import { diedAtCrashPoint, killAll } from '../support/crash/processes';
import { CloudStage, enrolledEdge, settleEdge } from '../support/crash/stage';
import { Workload } from '../support/crash/workload';

let postgres: PostgresCluster | undefined;
const stages: CloudStage[] = [];

afterAll(async () => {
  for (const stage of stages) await stage.stop();
  killAll();
  await postgres?.stop();
  for (const stage of stages) stage.cleanUp();
}, 60_000);

describe.each(['postgres', 'pglite'] as const)('the cloud on %s killed with SIGKILL inside a push transaction and after one committed', (backend) => {
  it('keeps nothing of the interrupted transaction, gets the committed mutations again after the restart and applies none twice', async () => {
    let databaseUrl: string | undefined;
    if (backend === 'postgres') {
      postgres ??= await startPostgres();
      databaseUrl = await postgres.createDatabase();
    }
    const cloud = await CloudStage.create(databaseUrl);
    stages.push(cloud);
    // First the kill inside the transaction: rows written, no COMMIT. Enrolment and the first
    // sync apply no mutation, so the first push of the workload is the one that dies.
    const midWrite = await cloud.start('cloud.mid-push-transaction');
    const { dataDir, pos, edge } = await enrolledEdge(cloud);
    const work = new Workload();
    // The store sells on whatever the cloud does: every command is answered.
    await work.drive(edge.url, pos);
    expect(work.done).toBe(true);
    expect((await diedAtCrashPoint(midWrite)).signal).toBe('SIGKILL');
    // The database opens again (PGlite recovers its folder) and holds nothing of that push.
    const interrupted = readEdge(dataDir);
    expect(await cloud.read((db) => cloudLastSeq(db, interrupted))).toBe(0);
    expect(interrupted.outboxFirstSeq).toBe(1);

    // Then the kill between COMMIT and the answer: the cloud holds what the edge still waits to hear about.
    const afterCommit = await cloud.start('cloud.after-commit-before-ack');
    expect((await diedAtCrashPoint(afterCommit)).signal).toBe('SIGKILL');
    const atCrash = readEdge(dataDir);
    const committed = await cloud.read((db) => cloudLastSeq(db, atCrash));
    expect(committed).toBeGreaterThan(0);
    expect(atCrash.outboxFirstSeq ?? Infinity).toBeLessThanOrEqual(committed);

    await cloud.start();
    expect(await settleEdge(cloud, edge, dataDir, pos)).toEqual([]);
    expect((await edge.stop()).code).toBe(0);
    expect([...readEdge(dataDir).orders.keys()]).toEqual(expect.arrayContaining(work.orderIds));
    const { differences, violations } = await cloud.check(dataDir, work.acknowledged());
    expect(differences).toEqual([]);
    expect(violations).toEqual([]);
  }, 600_000);
});
