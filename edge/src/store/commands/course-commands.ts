/** Courses: a table's later courses wait until the server fires them ("fire course 2"). */
import { eq } from 'drizzle-orm';
import { checks } from '@brigade/sync/schema/sqlite';
import { defineCommand } from '../command-registry';
import { checkChanged } from './check-commands';
import { ensureCheck, releasedCourses } from './check-rows';
import { evenSplitParent, sendEvenPart } from './check-split-kitchen';
import { fireOrder, requireChangeableOrder } from './order-helpers';

export const courseFire = defineCommand({
  name: 'course.fire',
  roles: ['pos'],
  needsStaff: true,
  needsManager: false,
  run(tx, _ctx, args) {
    requireChangeableOrder(tx, args.orderId);
    // A part of an even split fires the course on the parent, which holds the lines.
    const parent = evenSplitParent(tx.orm, args.orderId);
    const target = parent ?? args.orderId;
    const check = ensureCheck(tx, target);
    const tickets = parent ? sendEvenPart(tx, args.orderId, parent, { course: args.course }) : fireOrder(tx, args.orderId, { course: args.course });
    // Lines added to a released course later go to the kitchen with the next plain fire.
    const released = [...new Set([...releasedCourses(check), args.course])].sort((a, b) => a - b);
    tx.orm.update(checks).set({ releasedCourses: JSON.stringify(released), updatedAt: tx.now }).where(eq(checks.orderId, target)).run();
    tx.audit('course.fire', { orderId: args.orderId, detail: { course: args.course, tickets: tickets.length } });
    return { ...checkChanged(tx, args.orderId), tickets };
  },
});
