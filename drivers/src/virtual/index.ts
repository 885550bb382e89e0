export { decodeEscPos, type DecodedPaper } from './decode-escpos';
export type { PaperEvent, PaperEventType } from '../escpos/escpos-parser';
export { EscPosDecodeError } from '../escpos/escpos-parser';
export { startVirtualPrinter, type VirtualPrinter, type DecodedReceipt, type DrawerKick, type PrinterCondition } from './virtual-printer';
export { startPtyPair, socatAvailable, type PtyPair } from './pty-pair';
export { startVirtualScale, type VirtualScale } from './virtual-scale';
export { startVirtualScanner, type VirtualScanner } from './virtual-scanner';
export { startVirtualPoleDisplay, PoleDisplayScreen, type VirtualPoleDisplay } from './virtual-pole-display';
export { startFakeStripe, parseStripeForm, type FakeStripe, type FaultMode, type ReaderOutcome, type FakeStripeRequest } from './fake-stripe';
