/**
 * Randomized sync trials (docs/reliability.md): three real edges and a real cloud on
 * postgres behind a fault-injecting network, checked against every invariant after each
 * trial settles. Four files of 250 trials (two per backend) let vitest spread the 1,000.
 */
import { describeSimTrials } from '../support/sim/sim-suite';

describeSimTrials('postgres', 250);
