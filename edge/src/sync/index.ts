export { startEdgeSync, type EdgeSync, type EdgeSyncOptions } from './edge-sync';
export { menuFromShapes, MENU_SHAPES } from './menu-from-shapes';
