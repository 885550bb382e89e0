/** The edge package's entry point: the store core the hub, the demo and the sync engine use. */
export * from './store/index';
