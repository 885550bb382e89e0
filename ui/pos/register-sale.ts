/**
 * The register sells at the counter's prices (menu channel prices, docs/menus.md): every
 * price the register shows and every total it sends is priced with this, as the hub prices a
 * POS's orders, so the screen and the hub agree to the cent.
 */
export const REGISTER_SALE = { channel: 'counter' } as const;
