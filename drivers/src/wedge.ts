// Browser-safe entry: the POS screen imports the wedge detector without any Node module.
export { WedgeDetector, type WedgeOptions, type WedgeResult } from './scanner/wedge-detector';
