import type { RegisteredCommand } from '../command-registry';
import { deviceApprove, deviceRevoke, drawerOpen, itemSet86, receiptPrint } from './admin-commands';
import {
  checkAddLines, checkApplyPromo, checkCompLine, checkDiscountLine, checkMoveLines, checkOpen, checkSetDiscounts, checkSetQuantity, checkUpdate,
} from './check-commands';
import { checkMerge, checkSplit } from './check-split-commands';
import { courseFire } from './course-commands';
import { ticketBump, ticketRecall } from './kitchen-commands';
import { giftLoad, giftRedeem, giftSell, ledgerConfigure } from './gift-commands';
import { inventoryCount, inventoryDefineIngredient, inventoryReceive, inventorySetRecipe, inventoryWaste } from './inventory-commands';
import { loyaltyAttach, loyaltyRedeem } from './loyalty-commands';
import { orderAcceptOnline } from './online-commands';
import { orderAddLines, orderComplete, orderCreate, orderFire, orderVoid, orderVoidLine } from './order-commands';
import { paymentCapture, paymentRefund } from './payment-commands';
import { checkSettingsSave, floorSaveSection, floorSaveTable, promoSave } from './table-commands';
import { drawerCloseSession, drawerDrop, drawerOpenSession, drawerPayIn, drawerPayOut } from './drawer-session-commands';
import { reportCloseDay, reportPrintX, reportReprintZ } from './report-commands';
import { permissionsSet } from './staff-permission-commands';
import { timeclockCorrect, timeclockPunch } from './staff-timeclock-commands';

/** Every command the store knows; names are unique and match `commandArgs`. */
export const storeCommands: readonly RegisteredCommand[] = [
  orderCreate, orderAddLines, orderVoidLine, orderFire, orderComplete, orderVoid, orderAcceptOnline,
  paymentCapture, paymentRefund, receiptPrint, drawerOpen, ticketBump, ticketRecall, itemSet86, deviceApprove, deviceRevoke, reportPrintX,
  permissionsSet, timeclockPunch, timeclockCorrect, drawerOpenSession, drawerCloseSession, drawerPayIn, drawerPayOut, drawerDrop,
  reportCloseDay, reportReprintZ,
  inventoryDefineIngredient, inventorySetRecipe, inventoryReceive, inventoryCount, inventoryWaste,
  giftSell, giftLoad, giftRedeem, ledgerConfigure, loyaltyAttach, loyaltyRedeem,
  checkOpen, checkAddLines, checkSetQuantity, checkMoveLines, checkDiscountLine, checkCompLine, checkSetDiscounts, checkApplyPromo, checkUpdate,
  checkSplit, checkMerge, courseFire, floorSaveSection, floorSaveTable, promoSave, checkSettingsSave,
];
