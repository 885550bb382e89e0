/** The address screens on the store's LAN use to reach this hub. */
import { networkInterfaces } from 'node:os';

export function lanAddress(host: string): string {
  if (host !== '0.0.0.0' && host !== '::') return host;
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? []) {
      if (address.family === 'IPv4' && !address.internal) return address.address;
    }
  }
  return '127.0.0.1';
}

export function hubUrl(host: string, port: number): string {
  return `http://${lanAddress(host)}:${port}`;
}
