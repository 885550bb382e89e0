/**
 * Randomized sync trials (docs/reliability.md): three real edges and a real cloud on
 * PGlite behind a fault-injecting network, checked against every invariant after each
 * trial settles. Four files let vitest's two workers share the 1,000 trials: 150 in each
 * PGlite file and 350 in each PostgreSQL file, where a trial costs about half as much.
 */
import { describeSimTrials } from '../support/sim/sim-suite';

describeSimTrials('pglite', 150);
