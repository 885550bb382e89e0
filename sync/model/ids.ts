import { v7 as uuidv7, validate, version } from 'uuid';

/** A branded string: ids of different records cannot be mixed up by accident. */
export type Brand<T, B extends string> = T & { readonly __brand: B };

export type OrderId = Brand<string, 'OrderId'>;
export type LineId = Brand<string, 'LineId'>;
export type PaymentId = Brand<string, 'PaymentId'>;
export type CommandId = Brand<string, 'CommandId'>;
export type StoreId = Brand<string, 'StoreId'>;
export type DeviceId = Brand<string, 'DeviceId'>;
export type StaffId = Brand<string, 'StaffId'>;
export type ItemId = Brand<string, 'ItemId'>;
export type CategoryId = Brand<string, 'CategoryId'>;
export type ModifierGroupId = Brand<string, 'ModifierGroupId'>;
export type ModifierOptionId = Brand<string, 'ModifierOptionId'>;
export type TaxRateId = Brand<string, 'TaxRateId'>;
export type StationId = Brand<string, 'StationId'>;

/** UUIDv7: time-ordered, made where the record is born (screen, edge or cloud). */
export function newId<T extends string = string>(): T {
  return uuidv7() as T;
}

export function isUuidV7(value: string): boolean {
  return validate(value) && version(value) === 7;
}
