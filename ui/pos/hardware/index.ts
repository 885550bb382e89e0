/** The POS's hardware pieces: the manager's hardware page and what the register uses at the till. */
export { HardwarePanel } from './hardware-panel';
export { ScaleButton, type ScaleWeight } from './scale-button';
export { useScannerEvents } from './use-scanner-events';
export { usePoleDisplay, poleLines } from './use-pole-display';
export { CardAvailabilityBanner, useCardAvailability, type CardAvailability } from './card-availability-banner';
