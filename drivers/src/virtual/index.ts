export { decodeEscPos, type DecodedPaper } from './decode-escpos';
export type { PaperEvent, PaperEventType } from '../escpos/escpos-parser';
export { EscPosDecodeError } from '../escpos/escpos-parser';
export { startVirtualPrinter, type VirtualPrinter, type DecodedReceipt, type DrawerKick, type PrinterCondition } from './virtual-printer';
